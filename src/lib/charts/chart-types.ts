/**
 * The column's chart types, one entry each: what a type means for the
 * rules (spec.ts), the layout and value labels (config.ts), the text
 * alternative and legend (describe.ts) and the feed variant. Everything that
 * differs between types is read from here or from a record keyed by type,
 * never from a comparison of type names, so the compiler names every place a
 * new type must fill in.
 *
 * A new type is an entry here plus its drawing: its chart.js dataset and
 * value labels (config.ts, `DRAWINGS`) and the chart.js parts it registers
 * (chart-js.ts, `PARTS`), both `Record<ChartType, …>`. The parts stay in
 * chart-js.ts so that this table (read by the linter and the build's main
 * thread) does not load chart.js.
 */
/** Round: slices around a centre, no axes. Cartesian: a category axis and a value axis. */
export type ChartShape = 'round' | 'cartesian';

export interface ChartTypeInfo {
  /** Its name in the text alternative: "Bar chart: …". */
  name: string;
  /** Round (slices around a centre, no axes) or cartesian (a category axis and a value axis). */
  shape: ChartShape;
  /**
   * How a value is read: from a bar's length (so the axis starts at zero unless a truncated axis is
   * declared and drawn with a break, and never on a log scale), from a point's position (any start,
   * log scale allowed) or from a slice's angle (no value axis).
   */
  values: 'length' | 'position' | 'angle';
  /** Parts of a whole: always, when stacked bars of percentages, or never. */
  share: 'always' | 'stacked-percent' | 'never';
  /** Values printed on the drawing (so it reads without a tooltip): on every chart, or unless stacked. */
  valueLabels: 'always' | 'unstacked';
  /** The text alternative gives every value, or each dataset's first and last (a trend). */
  summary: 'every value' | 'ends';
  /** What the live chart's tooltip reads: every dataset's value at the pointer's x (anywhere along it), or the mark under the pointer. */
  pointer: 'x' | 'mark';
  /** The legend (HTML beside the drawing): one entry per label (each slice has its colour), or per dataset when there are several. */
  legend: 'labels' | 'datasets';
}

/** Pie and doughnut: slices of one whole, each labelled with its value and named in the legend. */
const ROUND_SHARES = {
  shape: 'round',
  values: 'angle',
  share: 'always',
  valueLabels: 'always',
  summary: 'every value',
  pointer: 'mark',
  legend: 'labels',
} as const;

export const CHART_TYPES = {
  bar: {
    name: 'Bar chart',
    shape: 'cartesian',
    values: 'length',
    share: 'stacked-percent',
    valueLabels: 'unstacked',
    summary: 'every value',
    pointer: 'mark',
    legend: 'datasets',
  },
  line: {
    name: 'Line chart',
    shape: 'cartesian',
    values: 'position',
    share: 'never',
    valueLabels: 'always',
    summary: 'ends',
    pointer: 'x',
    legend: 'datasets',
  },
  doughnut: { name: 'Doughnut chart', ...ROUND_SHARES },
  pie: { name: 'Pie chart', ...ROUND_SHARES },
} as const satisfies Record<string, ChartTypeInfo>;

export type ChartType = keyof typeof CHART_TYPES;

/** The type names, in the table's order (for messages and the linter). */
export const CHART_TYPE_NAMES = Object.keys(CHART_TYPES) as ChartType[];

export function isChartType(type: unknown): type is ChartType {
  return typeof type === 'string' && Object.hasOwn(CHART_TYPES, type);
}

/** What the table says of a type. */
export function chartType(type: ChartType): ChartTypeInfo {
  return CHART_TYPES[type];
}

/** Slices around a centre, no axes (pie, doughnut). */
export function isRound(type: ChartType): boolean {
  return CHART_TYPES[type].shape === 'round';
}

/** Whether a chart shows parts of a whole: its type always does, or it is stacked bars of percentages. */
export function isShareChart(spec: { type: ChartType; stacked?: boolean }, unit: string): boolean {
  const share = CHART_TYPES[spec.type].share;
  return share === 'always' || (share === 'stacked-percent' && Boolean(spec.stacked) && unit === 'percent');
}
