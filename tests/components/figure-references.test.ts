/**
 * Figure references and stat cards as readers meet them: a quiet number, a link that wraps with the
 * sentence and leads to its source in the sources list (public/site.js opens the same facts in place,
 * in a native popover), never a registry id in the text, and a change coloured only when the figure
 * says which direction is good news.
 */
import { describe, expect, it } from 'vitest';
import { render, textOf } from './render.ts';
import Fig from '../../src/components/mdx/Fig.astro';
import StatCard from '../../src/components/mdx/StatCard.astro';
import { registry } from '../../src/astro/figures-registry.ts';

describe('Fig', () => {
  it('is a link to its entry in the sources list, naming a popover with label, date and source piece', async () => {
    const f = registry.figures['doubao.price.after']!;
    const html = await render(Fig, { props: { id: 'doubao.price.after' }, locals: {} });
    const link = /<a class="fig__ref" href="#fig-doubao\.price\.after"[^>]*data-fig-pop="([^"]+)"/.exec(html);
    expect(link).not.toBeNull();
    expect(html).not.toMatch(/<button/);
    const target = link![1];
    expect(html).toMatch(
      new RegExp(`<span class="fig__pop" id="${target!.replace(/\./g, '\\.')}" popover data-pagefind-ignore>`),
    );
    const text = textOf(html);
    expect(text).toContain(f.label);
    expect(text).toContain('As of May 2024');
    expect(text).toContain(f.source.title!.split("'")[0]!);
    expect(html).toContain(`href="${f.source.url}"`);
    expect(html).toContain('href="#fig-doubao.price.after"');
    expect(text).not.toContain('doubao.price');
    expect(html).not.toMatch(/<script/);
  });

  it('says how a derived figure was calculated, in values, not ids', async () => {
    const html = await render(Fig, { props: { id: 'bytedance.capex.daily' }, locals: {} });
    expect(textOf(html)).toContain('Calculated as ¥200 bn ÷ 365.');
    expect(textOf(html)).not.toContain('bytedance.capex');
  });

  it('numbers repeated references, so only the first carries the anchor the sources list links back to', async () => {
    const locals = {};
    const first = await render(Fig, { props: { id: 'bytedance.capex.2026' }, locals });
    const second = await render(Fig, { props: { id: 'bytedance.capex.2026' }, locals });
    expect(first).toContain('id="ref-fig-bytedance.capex.2026"');
    expect(second).not.toContain('id="ref-fig-bytedance.capex.2026"');
    expect(/data-fig-pop="([^"]+)"/.exec(first)![1]).not.toBe(/data-fig-pop="([^"]+)"/.exec(second)![1]);
  });
});

describe('StatCard', () => {
  it('colours a change only when the figure declares which way is better', async () => {
    // A price cut, declared `better: down`: good news.
    const cut = await render(StatCard, { props: { id: 'doubao.price.after' } });
    expect(cut).toContain('stat-card__change--good');
    expect(textOf(cut)).toContain('(good news)');
    // A rise in spending, with no direction declared: neutral, never green.
    const capex = await render(StatCard, { props: { id: 'bytedance.capex.2026' } });
    expect(capex).toContain('stat-card__change--neutral');
    expect(capex).not.toContain('--good');
  });
});
