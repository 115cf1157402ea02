/**
 * The chart component alone: what sits above and below the image, and anchors that stay unique
 * when two charts share a title.
 */
import { describe, expect, it } from 'vitest';
import { render, textOf } from './render.ts';
import Chart from '../../src/components/mdx/Chart.astro';
import { PAGE_LAYOUTS } from '../../src/lib/charts/config.ts';

const spec = {
  type: 'bar',
  title: 'The 2026 plan',
  figures: ['bytedance.capex.2026-initial', 'bytedance.capex.2026'],
  labels: ['Earlier plan', 'Raised plan'],
};

describe('Chart', () => {
  it('puts title and generated subtitle above the image, notes, source, link and downloads below', async () => {
    const html = await render(Chart, { props: spec, locals: {} });
    const at = (s: string) => html.indexOf(s);
    expect(at('chart__title')).toBeLessThan(at('<picture>'));
    expect(at('chart__subtitle')).toBeLessThan(at('<picture>'));
    expect(at('<picture>')).toBeLessThan(at('chart__source'));
    expect(at('chart__source')).toBeLessThan(at('data-chart-link'));
    expect(textOf(html)).toMatch(/Yuan per year · 2026/);
    // PNG is exported from the live chart (tests/e2e/charts-and-figures.test.ts): no static PNG per chart.
    expect(textOf(html)).toMatch(/Link to this chart · PNG · SVG · CSV · JSON/);
    expect(html).toMatch(/<button type="button" data-chart-png data-filename="[a-z0-9-]+\.png">/);
    expect(html).not.toMatch(/(?:src|href)="[^"]*\.png"/);
    // The phone drawing, shown by the file's #narrow view up to the width the chart layouts give it.
    const narrow = PAGE_LAYOUTS.find((l) => l.layout === 'narrow')!;
    expect(html).toContain(`media="${narrow.media}"`);
    expect(html).toMatch(/<source srcset="\/charts\/chart-[0-9a-f]{16}\.svg#narrow" media="[^"]+"/);
  });

  it('keeps anchors unique when two charts share a title', async () => {
    const locals = {};
    const first = await render(Chart, { props: spec, locals });
    const second = await render(Chart, { props: spec, locals });
    expect(first).toContain('id="chart-the-2026-plan"');
    expect(second).toContain('id="chart-the-2026-plan-2"');
    expect(second).toContain('href="#chart-the-2026-plan-2"');
  });
});
