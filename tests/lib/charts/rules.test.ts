/**
 * The integrity rules of chart specs (src/lib/charts/spec.ts), and checks
 * that what chart.js actually draws from the config follows them: bars from
 * zero, shares against their whole with an "Other" remainder, log axes with
 * decade gridlines only, one unit and period per axis.
 */
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from '../../../src/lib/charts/chart-js.ts';
import {
  resolveChart,
  logDecades,
  type ChartSpec,
  type FigureLookup,
  registryLookup,
} from '../../../src/lib/charts/spec.ts';
import { attachFormatters, chartSize, toChartConfig } from '../../../src/lib/charts/config.ts';
import {
  chartDataFiles,
  chartLegend,
  chartSubtitle,
  chartTable,
  describeChart,
} from '../../../src/lib/charts/describe.ts';
import { THEMES } from '../../../src/lib/charts/palette.ts';
import type { Figure, Series } from '../../../src/lib/figures/types.ts';
import { figureFixture, seriesFixture } from './registry-entries.ts';

const fig = figureFixture;
const figures: Record<string, Figure> = {
  's.a': fig('s.a', 49.2),
  's.b': fig('s.b', 27),
  's.c': fig('s.c', 17),
  's.big': fig('s.big', 60),
  'p.before': fig('p.before', 0.12, { unit: 'CNY', per: '1,000 tokens', asOf: '2024-05' }),
  'p.after': fig('p.after', 0.0008, { unit: 'CNY', per: '1,000 tokens', asOf: '2024-05' }),
  'c.chips': fig('c.chips', 85, { unit: 'CNY', scale: 'billion', asOf: '2026' }),
  'c.dc': fig('c.dc', 75, { unit: 'CNY', scale: 'billion', asOf: '2026' }),
  'c.total': fig('c.total', 200, { unit: 'CNY', scale: 'billion', asOf: '2026' }),
  'c.daily': fig('c.daily', 548, { unit: 'CNY', scale: 'million', period: 'day', asOf: '2026' }),
  'c.yearly': fig('c.yearly', 200, { unit: 'CNY', scale: 'billion', period: 'year', asOf: '2026' }),
};
const series: Record<string, Series> = {
  tokens: seriesFixture('tokens', { label: 'Daily tokens', unit: 'tokens', scale: 'trillion', period: 'day' }),
  money: seriesFixture('money', {
    label: 'Money',
    unit: 'CNY',
    scale: 'billion',
    points: [
      { date: '2024-05', value: 1 },
      { date: '2025-09', value: 2 },
    ],
  }),
};
const lookup: FigureLookup = registryLookup({ figures, series });
const place = { file: 'content/articles/x.mdx', line: 7 };
const resolve = (spec: Partial<ChartSpec>) => resolveChart({ title: 'T', type: 'bar', ...spec }, lookup, place);
const errorOf = (spec: Partial<ChartSpec>): { message: string; fix: string } => {
  try {
    resolve(spec);
  } catch (e) {
    return { message: (e as Error).message, fix: (e as { fix?: string }).fix ?? '' };
  }
  throw new Error('expected the spec to be refused');
};

/** Draw a config with chart.js on a server canvas (as the static renderer does) and return the live chart. */
function draw(spec: Partial<ChartSpec>) {
  const chart = resolve(spec);
  const config = attachFormatters(toChartConfig(chart, 'light'));
  const size = chartSize(chart);
  const canvas = createCanvas(size.width, size.height);
  const live = new Chart(
    canvas.getContext('2d') as unknown as CanvasRenderingContext2D,
    { ...(config as object), options: { ...config.options, responsive: false, devicePixelRatio: 1 } } as never,
  );
  return { chart, live };
}

describe('bars encode magnitude from zero', () => {
  it('refuses a log scale on bars, saying why and what to use instead, at file:line', () => {
    const e = errorOf({ logScale: true, figures: ['p.before', 'p.after'] });
    expect(e.message).toMatch(
      /^content\/articles\/x\.mdx:7 \(<Chart title="T">\): Chart "T" uses a log scale on bars: a bar's length is read as its value/,
    );
    expect(e.fix).toMatch(/type="line"/);
    expect(e.fix).toMatch(/two charts/);
  });

  it('draws bars from zero on a linear axis, with their values labelled', () => {
    const { live } = draw({ figures: ['p.before', 'p.after'] });
    const y = live.scales.y!;
    expect(y.type).toBe('linear');
    expect(y.min).toBe(0);
    // The drawn bars keep the true ratio (0.0008 is 0.67% of 0.12), to within a pixel.
    const bars = live.getDatasetMeta(0).data as unknown as Array<{ y: number; base: number }>;
    const [before, after] = bars.map((b) => b.base - b.y);
    expect(before).toBeGreaterThan(200);
    expect(Math.abs(after! - before! * (0.0008 / 0.12))).toBeLessThan(1);
    const plugins =
      (
        attachFormatters(toChartConfig(resolve({ figures: ['p.before', 'p.after'] }), 'light')) as {
          plugins?: Array<{ id: string }>;
        }
      ).plugins ?? [];
    expect(plugins.map((p) => p.id)).toContain('aifValueLabels');
  });

  it('refuses an axis that does not start at zero unless truncated opts in, and then draws a break', () => {
    expect(errorOf({ figures: ['c.chips', 'c.dc'], from: 70 }).message).toMatch(
      /starts its bar axis at ¥70 bn, not zero: a bar's length is read as its value, so the differences would look larger/,
    );
    expect(errorOf({ figures: ['c.chips', 'c.dc'], truncated: true }).message).toMatch(
      /is marked truncated but gives no from/,
    );
    expect(errorOf({ figures: ['c.chips', 'c.dc'], from: 80, truncated: true }).message).toMatch(
      /starts its axis at ¥80 bn, above its smallest value ¥75 bn/,
    );
    const { chart, live } = draw({ figures: ['c.chips', 'c.dc'], from: 70, truncated: true });
    expect(live.scales.y!.min).toBe(70);
    expect(chart.axis.truncated).toBe(true);
    expect(chart.notes.join(' ')).toMatch(/starts at ¥70 bn, not zero/);
    const plugins =
      (attachFormatters(toChartConfig(chart, 'light')) as { plugins?: Array<{ id: string }> }).plugins ?? [];
    expect(plugins.map((p) => p.id)).toContain('aifAxisBreak');
    // A line chart may start where its data is, without a break.
    const line = resolve({ type: 'line', series: 'money', from: 1 });
    expect(line.axis).toEqual({ from: 1, truncated: false });
  });
});

describe('shares are drawn against their whole', () => {
  it('adds a labelled "Other" remainder that reaches the table, CSV, legend and text alternative', () => {
    const c = resolve({ type: 'doughnut', figures: ['s.a', 's.b', 's.c'], labels: ['A', 'B', 'C'] });
    expect(c.labels).toEqual(['A', 'B', 'C', 'Other']);
    expect(c.datasets[0]!.values[3]).toBeCloseTo(6.8, 9);
    expect(c.share).toEqual({ whole: 100, remainder: { kind: 'label', index: 3 } });
    expect(chartTable(c).rows.at(-1)).toEqual(['Other', '6.8%']);
    expect(chartDataFiles(c).csv.trim().split('\n').at(-1)).toMatch(/^Other,6\.8,percent,one,/);
    expect(describeChart(c)).toMatch(/Other 6\.8%/);
    const legend = chartLegend(c);
    expect(legend.at(-1)).toMatchObject({
      label: 'Other',
      value: '6.8%',
      light: THEMES.light.other,
      dark: THEMES.dark.other,
    });
    expect(chartSubtitle(c)).toBe('Percent of the whole · Jun 2025');
    expect(resolve({ type: 'pie', figures: ['s.a', 's.b'], otherLabel: 'Other providers' }).labels.at(-1)).toBe(
      'Other providers',
    );
  });

  it('draws each slice at value ÷ whole of the ring, within 0.5 points', () => {
    const { chart, live } = draw({ type: 'doughnut', figures: ['s.a', 's.b', 's.c'] });
    const arcs = live.getDatasetMeta(0).data as unknown as Array<{ startAngle: number; endAngle: number }>;
    const values = chart.datasets[0]!.values;
    arcs.forEach((arc, i) =>
      expect(Math.abs(((arc.endAngle - arc.startAngle) / (2 * Math.PI)) * 100 - (values[i]! / 100) * 100)).toBeLessThan(
        0.5,
      ),
    );
    expect(((arcs[0]!.endAngle - arcs[0]!.startAngle) / (2 * Math.PI)) * 100).toBeCloseTo(49.2, 1);
  });

  it('uses a figure as the whole, and refuses parts that exceed it', () => {
    const c = resolve({ type: 'pie', figures: ['c.chips', 'c.dc'], whole: 'c.total' });
    expect(c.labels.at(-1)).toBe('Other');
    expect(c.datasets[0]!.values.at(-1)).toBe(40);
    expect(chartSubtitle(c)).toBe('Yuan of ¥200 bn · 2026');
    expect(errorOf({ type: 'doughnut', figures: ['s.a', 's.big'] }).message).toMatch(
      /has its parts adding up to 109%, more than the whole \(100%\)/,
    );
    expect(errorOf({ type: 'pie', figures: ['c.chips', 'c.dc'], whole: 100 }).message).toMatch(
      /more than the whole \(¥100 bn\)/,
    );
    expect(errorOf({ type: 'bar', figures: ['c.chips'], whole: 'c.total' }).message).toMatch(
      /gives a whole, but a bar chart of CNY is not a share chart/,
    );
  });

  it('treats stacked percentages as a 100% chart: each bar gets its own remainder', () => {
    const c = resolve({
      stacked: true,
      unit: 'percent',
      labels: ['2024', '2025'],
      datasets: [
        { label: 'A', values: [40, 50] },
        { label: 'B', values: [30, 45] },
      ],
    });
    expect(c.datasets.at(-1)).toEqual({ label: 'Other', values: [30, 5] });
    expect(c.share?.remainder).toEqual({ kind: 'dataset', index: 2 });
    expect(
      errorOf({
        stacked: true,
        unit: 'percent',
        labels: ['2024'],
        datasets: [
          { label: 'A', values: [70] },
          { label: 'B', values: [40] },
        ],
      }).message,
    ).toMatch(/"2024" adding up to 110%/);
  });

  it('leaves parts that are the whole alone', () => {
    const c = resolve({ type: 'pie', figures: ['c.chips', 'c.dc'] });
    expect(c.labels).toEqual(['c.chips', 'c.dc']);
    expect(c.share).toBeUndefined();
  });
});

describe('log scales', () => {
  it('find the decades around the data', () => {
    expect(logDecades([0.12, 30])).toEqual([0.1, 1, 10, 100]);
    expect(logDecades([10, 1000])).toEqual([10, 100, 1000]);
    expect(logDecades([5])).toEqual([1, 10]);
  });

  it('draw labelled decade gridlines only, and the generated note names what is drawn', () => {
    const { chart, live } = draw({ type: 'line', series: 'tokens', logScale: true });
    const y = live.scales.y!;
    const drawn = y.ticks.map((t) => t.value);
    expect(drawn).toEqual([0.1, 1, 10, 100]);
    const callback = (live.options.scales!.y!.ticks as unknown as { callback: (v: number) => string }).callback;
    expect(drawn.map((v) => callback(v))).toEqual(['100 bn tokens', '1 tn tokens', '10 tn tokens', '100 tn tokens']);
    expect(chart.notes).toEqual([
      `Log scale: each gridline is ten times the one below, from 100 bn tokens to 100 tn tokens.`,
    ]);
    expect(chartSubtitle(chart)).toBe('Tokens a day, log scale · May 2024 to Sep 2025');
  });

  it('refuse zero, negative values and a from', () => {
    expect(
      errorOf({ type: 'line', logScale: true, labels: ['a'], datasets: [{ label: 'x', values: [0] }] }).message,
    ).toMatch(/log scale with values at or below zero/);
    expect(errorOf({ type: 'line', logScale: true, series: 'tokens', from: 0.1 }).message).toMatch(
      /combines logScale with from/,
    );
    expect(errorOf({ type: 'pie', logScale: true, figures: ['s.a'] }).message).toMatch(/uses logScale on a pie/);
  });
});

describe('one unit, rate and period per axis', () => {
  it.each([
    ['units', { figures: ['c.chips', 's.a'] }, /mixes units \(c\.chips is CNY, s\.a is percent\)/],
    [
      'rates',
      { figures: ['c.chips', 'p.before'] },
      /mixes rates \(c\.chips is a total, p\.before is per 1,000 tokens\)/,
    ],
    ['periods', { figures: ['c.daily', 'c.yearly'] }, /mixes periods \(c\.daily is a day, c\.yearly is a year\)/],
    ['series units', { type: 'line', series: ['tokens', 'money'] }, /mixes units \(tokens is tokens, money is CNY\)/],
  ])('refuses mixed %s', (_n, spec, message) => {
    const e = errorOf(spec);
    expect(e.message).toMatch(message);
    expect(e.fix).toMatch(/Dual axes are not offered/);
  });

  it("refuses a second axis with the reason (other unknown props are the linter's unknown-prop rule)", () => {
    const e = errorOf({ figures: ['c.chips'], y2: ['s.a'] } as never);
    expect(e.message).toMatch(/has a second-axis prop "y2"/);
    expect(e.fix).toMatch(/Dual axes are not offered/);
    expect(() => resolve({ figures: ['c.chips'], horizonal: true } as never)).not.toThrow();
  });

  it("converts scales of one unit to the first figure's scale (¥548 m is ¥0.548 bn)", () => {
    const c = resolve({ figures: ['c.chips', 'c.dc'] });
    expect(c.datasets[0]!.values).toEqual([85, 75]);
  });
});

describe('stable ids and subtitles', () => {
  it('derive the id from the title unless given', () => {
    expect(resolve({ title: "Share of China's cloud, H1 2025", type: 'pie', figures: ['s.a'] }).id).toBe(
      'chart-share-of-china-s-cloud-h1-2025',
    );
    expect(resolve({ id: 'price-cut', figures: ['p.before'] }).id).toBe('price-cut');
    expect(errorOf({ id: 'Price Cut', figures: ['p.before'] }).message).toMatch(/not a lower-case slug/);
  });

  it('write unit, rate and dates under the title', () => {
    expect(chartSubtitle(resolve({ figures: ['p.before', 'p.after'] }))).toBe('Yuan per 1,000 tokens · May 2024');
    expect(chartSubtitle(resolve({ figures: ['c.chips', 'c.dc'] }))).toBe('Yuan · 2026');
  });
});
