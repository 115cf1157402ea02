/**
 * The figure components, rendered alone: the number always comes from the registry through the
 * one formatter, and the source travels with it on pages and in feeds.
 */
import { describe, expect, it } from 'vitest';
import { render, textOf } from './render.ts';
import Fig from '../../src/components/mdx/Fig.astro';
import StatCard from '../../src/components/mdx/StatCard.astro';
import FeedFig from '../../src/components/feed/FeedFig.astro';
import FeedStatCard from '../../src/components/feed/FeedStatCard.astro';
import { registry } from '../../src/astro/figures-registry.ts';
import { formatValue } from '../../src/lib/figures/format.ts';

const capex = registry.figures['bytedance.capex.2026']!;
const text = textOf;

describe('Fig', () => {
  it('shows the registry value in the long form by default and the short form on request', async () => {
    expect(text(await render(Fig, { props: { id: 'bytedance.capex.2026' } }))).toContain(
      formatValue(capex.value, capex, 'long'),
    );
    expect(text(await render(Fig, { props: { id: 'bytedance.capex.2026', format: 'short' } }))).toContain(
      formatValue(capex.value, capex, 'short'),
    );
  });

  it('marks a figure corrected after the article was published, and not before', async () => {
    const revision = capex.revisions.at(-1)!;
    const before = new Date(`${revision.date}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    const after = new Date(`${revision.date}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    expect(await render(Fig, { props: { id: 'bytedance.capex.2026' }, locals: { articlePublished: before } })).toMatch(
      /corrected/i,
    );
    expect(
      await render(Fig, { props: { id: 'bytedance.capex.2026' }, locals: { articlePublished: after } }),
    ).not.toMatch(/corrected/i);
  });

  it('refuses an unknown id with the nearest known ones', async () => {
    await expect(render(Fig, { props: { id: 'bytedance.capex.2062' } })).rejects.toThrow(/bytedance\.capex\.2026/);
  });
});

describe('StatCard', () => {
  it('shows value, label, date and a link to the source', async () => {
    const html = await render(StatCard, { props: { id: 'bytedance.capex.2026' } });
    expect(text(html)).toContain(capex.text.short);
    expect(text(html)).toContain(capex.label);
    expect(html).toContain(`href="${capex.source.url}"`);
  });

  it('states the change against the previous figure', async () => {
    const html = text(await render(StatCard, { props: { id: 'bytedance.capex.2026' } }));
    const change = Math.round(((capex.value - capex.previous!.value) / capex.previous!.value) * 100);
    expect(html).toContain(`${change}%`);
  });
});

describe('feed variants', () => {
  it('FeedFig is the same number, linked to its source, with no page-only markup', async () => {
    const html = await render(FeedFig, { props: { id: 'bytedance.capex.2026' } });
    expect(text(html)).toContain(capex.text.long);
    expect(html).toContain(capex.source.url);
    expect(html).not.toMatch(/\sclass=|\sdata-/);
  });

  it('FeedStatCard carries its look in inline styles only', async () => {
    const html = await render(FeedStatCard, { props: { id: 'bytedance.capex.2026' } });
    expect(text(html)).toContain(capex.text.short);
    expect(html).toMatch(/style="/);
    expect(html).not.toMatch(/\sclass=/);
  });
});
