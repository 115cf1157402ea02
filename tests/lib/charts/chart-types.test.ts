/**
 * The table of chart types (src/lib/charts/chart-types.ts) is what the rules, the config, the text
 * alternative and chart.js registration read: every type in it draws, and each rule follows the
 * type's entry rather than its name, so a new entry gets the same checks.
 */
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from '../../../src/lib/charts/chart-js.ts';
import { CHART_TYPES, CHART_TYPE_NAMES, type ChartType } from '../../../src/lib/charts/chart-types.ts';
import { resolveChart, registryLookup, type ChartSpec } from '../../../src/lib/charts/spec.ts';
import { attachFormatters, chartSize, seriesColours, toChartConfig } from '../../../src/lib/charts/config.ts';
import { THEMES } from '../../../src/lib/charts/palette.ts';
import { chartLegend, describeChart } from '../../../src/lib/charts/describe.ts';
import { captureText } from '../../../src/lib/charts/render-static.ts';
import { registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';
import { figureFixture } from './registry-entries.ts';

const lookup = registryLookup({
  figures: {
    'p.a': figureFixture('p.a', 40),
    'p.b': figureFixture('p.b', 25),
    'c.a': figureFixture('c.a', 85, { unit: 'CNY', scale: 'billion' }),
    'c.b': figureFixture('c.b', 75, { unit: 'CNY', scale: 'billion' }),
  },
  series: {},
});
const place = { file: 'content/articles/x.mdx', line: 3 };
const resolve = (type: ChartType, more: Partial<ChartSpec> = {}) =>
  resolveChart({ type, title: 'T', figures: ['c.a', 'c.b'], labels: ['Chips', 'Sites'], ...more }, lookup, place);
const refusal = (type: ChartType, more: Partial<ChartSpec>): string | undefined => {
  try {
    resolve(type, more);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

describe.each(CHART_TYPE_NAMES)('chart type "%s"', (type) => {
  const info = CHART_TYPES[type];

  it('is registered with chart.js and drawn with its value labels', () => {
    registerChartFonts();
    const chart = resolve(type);
    const config = attachFormatters(toChartConfig(chart, 'light'));
    const size = chartSize(chart);
    const ctx = createCanvas(size.width, size.height).getContext('2d');
    const texts = captureText(ctx);
    const live = new Chart(
      ctx as unknown as CanvasRenderingContext2D,
      { ...(config as object), options: { ...config.options, devicePixelRatio: 1 } } as never,
    );
    expect(live.getDatasetMeta(0).type).toBe(type);
    expect(Object.keys(live.scales).length > 0).toBe(info.shape === 'cartesian');
    // Values inside a slice in the page colour; beside a bar or above a point in the text colour.
    const ink = (info.shape === 'round' ? THEMES.light.background : THEMES.light.text).toLowerCase();
    const drawn = [...texts].join('\n');
    expect(drawn).toMatch(new RegExp(`fill="${ink}"[^>]*>¥85 bn<`));
    expect(drawn).toMatch(new RegExp(`fill="${ink}"[^>]*>¥75 bn<`));
    // A slice takes its label's colour; a bar or a line its dataset's.
    const colours = seriesColours(chart, 'light');
    expect(config.data.datasets[0]!.backgroundColor).toEqual(
      info.shape === 'round' ? colours.labels : colours.datasets[0],
    );
    // Bars are solid, a line is a stroke through its points, slices are parted by strokes of the page colour.
    const dataset = config.data.datasets[0]!;
    if (info.values === 'length') expect(dataset).toMatchObject({ borderWidth: 0 });
    if (info.values === 'position') expect(dataset).toMatchObject({ borderWidth: 3, pointRadius: 5 });
    if (info.values === 'angle') expect(dataset).toMatchObject({ borderColor: THEMES.light.background });
    live.destroy();
  });

  it('names itself in the text alternative and gives the legend its entry asks for', () => {
    const chart = resolve(type);
    expect(describeChart(chart)).toMatch(new RegExp(`^${info.name}\\b`));
    expect(chartLegend(chart).map((e) => e.label)).toEqual(info.legend === 'labels' ? ['Chips', 'Sites'] : []);
  });

  it('allows a log scale only where values are read from positions', () => {
    const refused = refusal(type, { logScale: true });
    if (info.values === 'position') expect(refused).toBeUndefined();
    else expect(refused).toMatch(info.values === 'length' ? /log scale on bars/ : /has no value axis/);
  });

  it('starts its value axis away from zero only where it has one, and on lengths only when truncated', () => {
    const moved = refusal(type, { from: 50 });
    const truncated = refusal(type, { from: 50, truncated: true });
    if (info.shape === 'round') expect(moved).toMatch(/sets from on a .*, which has no value axis/);
    else if (info.values === 'length') {
      expect(moved).toMatch(/not zero: a bar's length is read as its value/);
      expect(truncated).toBeUndefined();
      expect(resolve(type, { from: 50, truncated: true }).axis.truncated).toBe(true);
    } else {
      expect(moved).toBeUndefined();
      expect(truncated).toMatch(/truncated, which only applies to bars/);
    }
  });

  it('draws shares against their whole when its entry says it shows parts of one', () => {
    const percent = { figures: ['p.a', 'p.b'], labels: ['A', 'B'] };
    // Stacked when the entry asks for it: then a chart of each type that can show shares does.
    const chart = resolve(type, { ...percent, stacked: info.share === 'stacked-percent' });
    expect(chart.share !== undefined).toBe(info.share !== 'never');
    if (info.share === 'never') expect(refusal(type, { ...percent, whole: 100 })).toMatch(/is not a share chart/);
    if (info.share === 'stacked-percent') expect(resolve(type, percent).share).toBeUndefined();
  });
});

describe('the table', () => {
  it('lists the types in messages from its own entries', () => {
    expect(refusal('bar', { type: 'radar' })).toContain(`Use type="${CHART_TYPE_NAMES.join('", "')}"`);
    expect(refusal('line', { whole: 100 })).toMatch(
      /Use whole with type="doughnut", "pie", or a stacked bar of percentages/,
    );
  });
});
