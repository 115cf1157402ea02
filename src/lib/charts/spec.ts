import { ContentError, nearest } from '../errors.ts';
import { rescale, formatPartialDate, makeValueFormatter, type FormatSpec } from '../figures/format.ts';
import type { Figure, Series, Source } from '../figures/types.ts';
import { isPeriod, isScale, isUnit, UNITS, type Period } from '../figures/units.ts';
import { slugify } from '../slug.ts';
import { comparePartialDates } from '../figures/dates.ts';
import { CHART_TYPE_NAMES, CHART_TYPES, isChartType, isShareChart, type ChartType } from './chart-types.ts';

/** What an author writes as props of `<Chart>`. */
export interface ChartSpec {
  type: string;
  title: string;
  caption?: string;
  /** Stable anchor for links to the chart (default: from the title). */
  id?: string;
  /** Bars run left to right. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Logarithmic value axis (line charts only). */
  logScale?: boolean;
  /** Where the value axis starts. Bars start at zero unless `truncated` opts in. */
  from?: number;
  /** Opt-in for a bar axis that does not start at zero (drawn with a break). */
  truncated?: boolean;
  /** The whole that shares are parts of: a figure id or a number (default 100 for percentages). */
  whole?: string | number;
  /** Label of the automatic remainder segment (default "Other"). */
  otherLabel?: string;
  /** Registered figures, one bar/slice each (all in the same unit). */
  figures?: string[];
  /** Registered series, one line/bar group each (sharing dates). */
  series?: string | string[];
  /** Category labels: for figures, overrides their labels; for inline data, required. */
  labels?: string[];
  /** Inline data, when the numbers are not in the registry. */
  datasets?: Array<{ label: string; values: number[] }>;
  unit?: string;
  scale?: string;
  per?: string;
  period?: string;
}

/** Every prop `<Chart>` understands; anything else is a mistake worth naming. */
export const CHART_PROPS = [
  'type',
  'title',
  'caption',
  'id',
  'horizontal',
  'stacked',
  'logScale',
  'from',
  'truncated',
  'whole',
  'otherLabel',
  'figures',
  'series',
  'labels',
  'datasets',
  'unit',
  'scale',
  'per',
  'period',
] as const;

/** Shares of one whole above it by more than this (relative) are an error; a gap beyond it is drawn as "Other". */
export const SHARE_TOLERANCE = 0.001;

/** The chart after its data has been looked up and checked: everything the three renderings need. */
export interface ResolvedChart {
  /** Stable anchor on the page ("chart-share-of-china-s-cloud…"). */
  id: string;
  type: ChartType;
  title: string;
  caption?: string;
  horizontal: boolean;
  stacked: boolean;
  logScale: boolean;
  /** Value axis: where it starts when it does not start at zero (bars only with `truncated`), and the decades a log axis draws. */
  axis: { from?: number; truncated: boolean; decades?: number[] };
  /** For share charts (pie, doughnut, 100 % stacked): the whole, and which label or dataset is the automatic remainder. */
  share?: { whole: number; remainder?: { kind: 'label' | 'dataset'; index: number } };
  labels: string[];
  datasets: Array<{ label: string; values: number[] }>;
  format: FormatSpec;
  /** Dates of the data (figures' asOf, series points), sorted: for the subtitle. */
  dates: string[];
  /** Notes generated from what is drawn (log scale, truncated axis, remainder). */
  notes: string[];
  sources: Source[];
  figureIds: string[];
  seriesIds: string[];
  /** Drawn for a phone-width column or for feeds and email (see LAYOUTS in config.ts); default wide. */
  layout?: 'narrow' | 'subscriber';
}

export interface FigureLookup {
  figure(id: string): Figure | undefined;
  series(id: string): Series | undefined;
  figureIds(): string[];
  seriesIds(): string[];
}

/** A registry (or any map of figures and series by id) seen through the lookup interface. */
export function registryLookup(registry: {
  figures: Record<string, Figure>;
  series: Record<string, Series>;
}): FigureLookup {
  return {
    figure: (id) => registry.figures[id],
    series: (id) => registry.series[id],
    figureIds: () => Object.keys(registry.figures),
    seriesIds: () => Object.keys(registry.series),
  };
}

/** Where a chart sits, for messages. */
export interface ChartPlace {
  file: string;
  line?: number;
}

const ONE_AXIS =
  'One axis carries one unit, one period and one kind of rate: chart figures that share them, or make two charts. Dual axes are not offered.';

/** A chart's anchor on its page: its `id`, or `chart-` and its title as a slug. */
export function chartAnchor(spec: Pick<ChartSpec, 'id' | 'title'>): string {
  return spec.id ?? `chart-${slugify(String(spec.title ?? '')) || 'untitled'}`;
}

/** Powers of ten from just below the smallest value to just above the largest: the gridlines of a log axis. */
export function logDecades(values: number[]): number[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [];
  const lo = Math.floor(Math.log10(Math.min(...positive)) + 1e-9);
  let hi = Math.ceil(Math.log10(Math.max(...positive)) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) out.push(Number((10 ** e).toPrecision(1)));
  return out;
}

/** Problems found in a spec, reported together in one error: what is wrong, and how to fix each. */
class Problems {
  readonly errors: string[] = [];
  readonly fixes: string[] = [];
  add(message: string, fix: string): void {
    this.errors.push(message);
    this.fixes.push(fix);
  }
  get none(): boolean {
    return this.errors.length === 0;
  }
}

/** "Did you mean "a", "b", "c"?" from the ids a lookup knows. */
function didYouMean(id: string, ids: string[]): string {
  return `Did you mean ${nearest(id, ids, 3)
    .map((x) => `"${x}"`)
    .join(', ')}?`;
}

/** A chart's data as read from the registry or its props, before the rules of its type apply. */
interface ChartData {
  labels: string[];
  datasets: ResolvedChart['datasets'];
  format: FormatSpec;
  sources: Source[];
  figureIds: string[];
  seriesIds: string[];
  dates: string[];
}

/** Where a chart's data comes from: exactly one of figures, series or inline datasets. */
type DataSource = 'figures' | 'series' | 'datasets';

function dataSource(spec: ChartSpec): DataSource | undefined {
  const given = (['figures', 'series', 'datasets'] as const).filter((key) => spec[key] !== undefined);
  return given.length === 1 ? given[0] : undefined;
}

/** The props that need no data: a second axis, the title, the type, the id, one source of data. */
function checkProps(spec: ChartSpec, problems: Problems): void {
  // Unknown props in general are the linter's (unknown-prop); a second axis gets its own reason here.
  for (const key of Object.keys(spec)) {
    if ((CHART_PROPS as readonly string[]).includes(key) || !/axis|y2|secondary|dual/i.test(key)) continue;
    problems.add(
      `has a second-axis prop "${key}"`,
      `Dual axes are not offered: two scales on one chart let any two lines cross where the author likes. Make two charts, or chart the ratio or the change. ${ONE_AXIS}`,
    );
  }
  if (!spec.title || typeof spec.title !== 'string')
    problems.add('has no title', 'Give every chart a `title` (it is its heading and part of its text alternative).');
  if (!isChartType(spec.type))
    problems.add(`has unknown type "${spec.type}"`, `Use type="${CHART_TYPE_NAMES.join('", "')}".`);
  if (spec.id !== undefined && (typeof spec.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(spec.id)))
    problems.add(
      `has id ${JSON.stringify(spec.id)}, which is not a lower-case slug`,
      'Write id="like-this" (letters, digits and hyphens), or leave it out to use the title.',
    );
  if (!dataSource(spec))
    problems.add(
      [spec.figures, spec.series, spec.datasets].every((x) => x === undefined)
        ? 'has no data'
        : 'has data from more than one place',
      'Give exactly one of `figures={[…ids]}`, `series="id"` or `datasets={[{ label, values }]}` with `labels`.',
    );
}

/** Everything on one axis shares unit, rate and period. */
function checkSameAxis(
  items: Array<{ id: string; unit: string; per?: string; period?: Period }>,
  problems: Problems,
): void {
  const first = items[0];
  if (!first) return;
  const unit = items.find((x) => x.unit !== first.unit);
  if (unit) problems.add(`mixes units (${first.id} is ${first.unit}, ${unit.id} is ${unit.unit})`, ONE_AXIS);
  const per = items.find((x) => (x.per ?? '') !== (first.per ?? ''));
  if (per)
    problems.add(
      `mixes rates (${first.id} is ${first.per ? `per ${first.per}` : 'a total'}, ${per.id} is ${per.per ? `per ${per.per}` : 'a total'})`,
      ONE_AXIS,
    );
  const period = items.find((x) => (x.period ?? '') !== (first.period ?? ''));
  if (period)
    problems.add(
      `mixes periods (${first.id} is ${first.period ? `a ${first.period}` : 'without a period'}, ${period.id} is ${period.period ? `a ${period.period}` : 'without a period'})`,
      ONE_AXIS,
    );
}

const NO_DATA: ChartData = {
  labels: [],
  datasets: [],
  format: { unit: 'count', scale: 'one' },
  sources: [],
  figureIds: [],
  seriesIds: [],
  dates: [],
};

/** Registered figures: one value each, in one dataset named after the chart. */
function figuresData(spec: ChartSpec, ids: unknown, lookup: FigureLookup, problems: Problems): ChartData {
  if (Array.isArray(spec.labels) && Array.isArray(ids) && spec.labels.length !== ids.length) {
    problems.add(
      `has ${spec.labels.length} labels but ${ids.length} figures`,
      "Give one label per figure, in the same order, or leave out `labels` to use the figures' own labels.",
    );
  }
  const figures = (Array.isArray(ids) ? (ids as string[]) : []).map((id) => {
    const f = lookup.figure(id);
    if (!f) problems.add(`uses unknown figure "${id}"`, didYouMean(id, lookup.figureIds()));
    return f;
  });
  const found = figures.filter((f): f is Figure => f !== undefined);
  if (found.length === 0 || found.length !== figures.length) return NO_DATA;
  const first = found[0]!;
  checkSameAxis(found, problems);
  return {
    format: {
      unit: first.unit,
      scale: first.scale,
      per: first.per,
      noun: first.noun,
      digits: first.digits,
      period: first.period,
    },
    labels: spec.labels ?? found.map((f) => f.label),
    datasets: [{ label: spec.title, values: found.map((f) => rescale(f.value, f.scale, first.scale)) }],
    sources: found.map((f) => f.source),
    figureIds: found.map((f) => f.id),
    seriesIds: [],
    dates: found.flatMap((f) => (f.asOf ? [f.asOf] : [])),
  };
}

/** Registered series: one dataset each, sharing their dates. */
function seriesData(spec: ChartSpec, lookup: FigureLookup, problems: Problems): ChartData {
  const ids = Array.isArray(spec.series) ? spec.series : [spec.series!];
  const found: Series[] = [];
  for (const id of ids) {
    const s = lookup.series(id);
    if (!s) problems.add(`uses unknown series "${id}"`, didYouMean(id, lookup.seriesIds()));
    else found.push(s);
  }
  if (found.length !== ids.length || found.length === 0) return NO_DATA;
  const first = found[0]!;
  checkSameAxis(found, problems);
  const mismatch = found.find((s) => s.points.length !== first.points.length);
  if (mismatch)
    problems.add(
      `combines series of different lengths (${first.id}, ${mismatch.id})`,
      'Chart series that share the same dates.',
    );
  return {
    format: { unit: first.unit, scale: first.scale, per: first.per, noun: first.noun, period: first.period },
    labels: spec.labels ?? first.points.map((p) => p.label ?? formatPartialDate(p.date)),
    datasets: found.map((s) => ({
      label: s.label,
      values: s.points.map((p) => rescale(p.value, s.scale, first.scale)),
    })),
    sources: found.map((s) => s.source),
    figureIds: [],
    seriesIds: found.map((s) => s.id),
    dates: found.flatMap((s) => s.points.map((p) => p.date)),
  };
}

/** Inline data: labels and datasets in the props, with unit, scale and period given there. */
function inlineData(spec: ChartSpec, problems: Problems): ChartData {
  if (!Array.isArray(spec.labels))
    problems.add('has inline data but no `labels`', 'Add labels={["…", …]}, one per value.');
  if (spec.unit !== undefined && !isUnit(spec.unit))
    problems.add(`has unknown unit "${spec.unit}"`, `Use ${UNITS.join(', ')}.`);
  if (spec.scale !== undefined && !isScale(spec.scale))
    problems.add(`has unknown scale "${spec.scale}"`, 'Use one, thousand, million, billion or trillion.');
  if (spec.period !== undefined && !isPeriod(spec.period))
    problems.add(`has unknown period "${spec.period}"`, 'Use day, month, quarter or year.');
  return {
    ...NO_DATA,
    labels: Array.isArray(spec.labels) ? spec.labels : [],
    datasets: (Array.isArray(spec.datasets) ? spec.datasets : []).map((d) => ({
      label: String(d.label ?? ''),
      values: Array.isArray(d.values) ? d.values : [],
    })),
    format: {
      unit: isUnit(spec.unit) ? spec.unit : 'count',
      scale: isScale(spec.scale) ? spec.scale : 'one',
      per: spec.per,
      period: isPeriod(spec.period) ? spec.period : undefined,
    },
  };
}

/** Look the data up where the spec says it is. */
function readData(spec: ChartSpec, lookup: FigureLookup, problems: Problems): ChartData {
  const source = dataSource(spec);
  if (source === 'figures') return figuresData(spec, spec.figures, lookup, problems);
  if (source === 'series') return seriesData(spec, lookup, problems);
  if (source === 'datasets') return inlineData(spec, problems);
  return NO_DATA;
}

/** At least one point, one value per label, every value a finite number. */
function checkValues({ labels, datasets }: ChartData, problems: Problems): void {
  if (datasets.length === 0 || labels.length === 0)
    problems.add('has no data points', 'Give at least one label and value.');
  for (const d of datasets) {
    if (d.values.length !== labels.length)
      problems.add(
        `has ${labels.length} labels but ${d.values.length} values in "${d.label}"`,
        'Give one value per label.',
      );
    const bad = d.values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0)
      problems.add(
        `has a value that is not a finite number (${JSON.stringify(d.values[bad])} for "${labels[bad] ?? bad}")`,
        'Use plain numbers; unit and scale are separate props.',
      );
  }
}

/**
 * The value axis: a log scale only where values are read from positions (lines) and all positive, with
 * its decades; a start other than zero only where there is an axis, and on bars (whose lengths are read
 * as values) only when declared truncated. Notes say what the reader must know.
 */
function valueAxis(
  spec: ChartSpec,
  type: ChartType,
  values: number[],
  f: (v: number) => string,
  problems: Problems,
): { from?: number; decades?: number[]; notes: string[] } {
  const { values: reading, shape } = CHART_TYPES[type];
  const notes: string[] = [];
  let decades: number[] | undefined;
  let from: number | undefined;
  if (spec.logScale) {
    if (reading === 'length')
      problems.add(
        "uses a log scale on bars: a bar's length is read as its value, and on a log axis a 99% cut looks like a two-thirds cut",
        'Remove logScale and let the bars start at zero with their values labelled; or show the values as points on a log scale with type="line"; or make two charts, one per order of magnitude.',
      );
    else if (shape === 'round') problems.add(`uses logScale on a ${type}, which has no value axis`, 'Remove logScale.');
    else if (values.some((v) => v <= 0))
      problems.add('uses a log scale with values at or below zero', 'Remove logScale, or chart positive values only.');
    else if (spec.from !== undefined)
      problems.add(
        'combines logScale with from',
        'A log axis starts at the decade below the smallest value; remove from.',
      );
    else {
      decades = logDecades(values);
      notes.push(
        `Log scale: each gridline is ten times the one below, from ${f(decades[0]!)} to ${f(decades[decades.length - 1]!)}.`,
      );
    }
  }
  if (spec.truncated && spec.from === undefined)
    problems.add(
      'is marked truncated but gives no from',
      'Add from={…}, the value the axis starts at, or remove truncated.',
    );
  if (spec.from !== undefined && !spec.logScale) {
    if (typeof spec.from !== 'number' || !Number.isFinite(spec.from))
      problems.add(`has from=${JSON.stringify(spec.from)}, which is not a number`, 'Write from={150}.');
    else if (shape === 'round') problems.add(`sets from on a ${type}, which has no value axis`, 'Remove from.');
    else if (spec.from > Math.min(...values))
      problems.add(
        `starts its axis at ${f(spec.from)}, above its smallest value ${f(Math.min(...values))}`,
        'Start the axis at or below the smallest value, or leave from out.',
      );
    else if (reading === 'length' && spec.from !== 0 && !spec.truncated)
      problems.add(
        `starts its bar axis at ${f(spec.from)}, not zero: a bar's length is read as its value, so the differences would look ${spec.from > 0 ? 'larger' : 'smaller'} than they are`,
        'Remove from so the bars start at zero; or add truncated to opt in (the axis is then drawn with a visible break); or use type="line", where the axis need not start at zero.',
      );
    else if (spec.from !== 0) {
      from = spec.from;
      if (reading === 'length')
        notes.push(
          `The value axis starts at ${f(from)}, not zero (marked by the break), so bars are shorter than their values.`,
        );
    }
  }
  if (spec.truncated && reading !== 'length' && spec.from !== undefined)
    problems.add(
      `is marked truncated, which only applies to bars`,
      'Remove truncated: a line chart may start its axis where the data is.',
    );
  return { ...(from !== undefined ? { from } : {}), ...(decades ? { decades } : {}), notes };
}

/** The types a whole applies to, for messages: "pie", "doughnut", or a stacked bar of percentages. */
function shareTypes(): string {
  const always = CHART_TYPE_NAMES.filter((t) => CHART_TYPES[t].share === 'always');
  const stacked = CHART_TYPE_NAMES.filter((t) => CHART_TYPES[t].share === 'stacked-percent');
  return [`type="${always.join('", "')}"`, ...stacked.map((t) => `a stacked ${t} of percentages`)].join(', or ');
}

/**
 * The whole a share chart's parts are drawn against: a number, a figure (in the parts' unit) or 100 for
 * percentages. A figure's id and source join the chart's. No whole on other charts.
 */
function shareWhole(
  spec: ChartSpec,
  type: ChartType,
  data: ChartData,
  share: boolean,
  lookup: FigureLookup,
  problems: Problems,
): number | undefined {
  const { format } = data;
  const stackedShare = CHART_TYPES[type].share === 'stacked-percent';
  if (spec.whole !== undefined && !share)
    problems.add(
      `gives a whole, but a ${spec.stacked ? 'stacked ' : ''}${type} chart${stackedShare ? ' of ' + format.unit : ''} is not a share chart`,
      `Use whole with ${shareTypes()}; or remove it.`,
    );
  if (!share) return undefined;
  if (data.datasets.some((d) => d.values.some((v) => v < 0)))
    problems.add(
      `is a ${stackedShare ? 'stacked share chart' : type} with negative values`,
      'Use a plain bar chart for values that can be negative.',
    );
  let whole: number | undefined;
  if (typeof spec.whole === 'number') whole = spec.whole;
  else if (typeof spec.whole === 'string') {
    const w = lookup.figure(spec.whole);
    if (!w)
      problems.add(`uses unknown figure "${spec.whole}" as its whole`, didYouMean(spec.whole, lookup.figureIds()));
    else if (w.unit !== format.unit || (w.per ?? '') !== (format.per ?? ''))
      problems.add(
        `has parts in ${format.unit} but its whole ${w.id} is in ${w.unit}`,
        'The whole must be in the same unit as its parts.',
      );
    else {
      whole = rescale(w.value, w.scale, format.scale);
      data.figureIds.push(w.id);
      data.sources.push(w.source);
    }
  } else if (spec.whole !== undefined)
    problems.add(
      `has whole=${JSON.stringify(spec.whole)}`,
      'Give the whole as a figure id (whole="…") or a number (whole={100}).',
    );
  else if (format.unit === 'percent') whole = 100;
  if (whole !== undefined && !(whole > 0))
    problems.add(`has a whole of ${whole}`, 'The whole must be a positive number.');
  return whole;
}

/**
 * The parts of each whole (each ring of a round chart, each stacked bar) checked against it, and what the
 * source does not name drawn as the remainder: a last slice, or a last dataset of the stacked bars.
 */
function addRemainder(
  spec: ChartSpec,
  type: ChartType,
  data: ChartData,
  whole: number | undefined,
  f: (v: number) => string,
  problems: Problems,
): { labels: string[]; datasets: ChartData['datasets']; remainder?: Remainder; note?: string } {
  const { labels, datasets } = data;
  const round = CHART_TYPES[type].shape === 'round';
  const totals = round
    ? datasets.map((d) => d.values.reduce((a, b) => a + b, 0))
    : labels.map((_, i) => datasets.reduce((a, d) => a + d.values[i]!, 0));
  const names = round
    ? datasets.map((d) => (datasets.length > 1 ? `"${d.label}"` : 'its parts'))
    : labels.map((l) => `"${l}"`);
  const target = whole ?? Math.max(...totals);
  const tol = target * SHARE_TOLERANCE;
  totals.forEach((t, i) => {
    if (t > target + tol)
      problems.add(
        `has ${names[i]} adding up to ${f(t)}, more than the whole (${f(target)})`,
        'Parts of one whole cannot exceed it: check the figures and their dates. If they overlap (a company counted twice), use a bar chart of separate values instead.',
      );
  });
  if (!problems.none || whole === undefined) return { labels, datasets };
  const gaps = totals.map((t) => Math.max(0, whole - t));
  if (!gaps.some((g) => g > tol)) return { labels, datasets };
  const other = typeof spec.otherLabel === 'string' && spec.otherLabel.trim() ? spec.otherLabel.trim() : 'Other';
  const clean = (g: number) => (g > tol ? Number(g.toPrecision(12)) : 0);
  if (round) {
    const withOther = [...labels, other];
    return {
      labels: withOther,
      datasets: datasets.map((d, i) => ({ ...d, values: [...d.values, clean(gaps[i]!)] })),
      remainder: { kind: 'label', index: withOther.length - 1 },
      note:
        datasets.length === 1
          ? `${other}: the ${f(clean(gaps[0]!))} of ${f(whole)} that the source does not name.`
          : `${other}: the part of each whole (${f(whole)}) that the source does not name.`,
    };
  }
  const withOther = [...datasets, { label: other, values: gaps.map(clean) }];
  return {
    labels,
    datasets: withOther,
    remainder: { kind: 'dataset', index: withOther.length - 1 },
    note: `${other}: the part of each bar's ${f(whole)} that the source does not name.`,
  };
}

type Remainder = NonNullable<NonNullable<ResolvedChart['share']>['remainder']>;

/**
 * Check a spec and look up its data. Every problem is a ContentError naming
 * the article and the chart (by title) and saying how to fix it. Besides
 * shape (type, data, lengths), the integrity rules of a data desk: bars from
 * zero on a linear axis, shares drawn against their whole, one unit and
 * period per axis, log scales only where lengths do not encode values. The
 * steps: props, data, values, then the rules of the chart's type (value
 * axis, whole, remainder), all problems reported together.
 */
export function resolveChart(spec: ChartSpec, lookup: FigureLookup, place: ChartPlace): ResolvedChart {
  const problems = new Problems();
  checkProps(spec, problems);
  const data = readData(spec, lookup, problems);
  if (problems.none) checkValues(data, problems);
  let axis: ReturnType<typeof valueAxis> = { notes: [] };
  let share: ResolvedChart['share'];
  let drawn: Pick<ChartData, 'labels' | 'datasets'> = data;
  // With no problem so far, the type is one of the table's and every value a finite number.
  if (problems.none) {
    const type = spec.type as ChartType;
    const f = makeValueFormatter(data.format);
    const isShare = isShareChart({ type, stacked: spec.stacked }, data.format.unit);
    axis = valueAxis(
      spec,
      type,
      data.datasets.flatMap((d) => d.values),
      f,
      problems,
    );
    const whole = shareWhole(spec, type, data, isShare, lookup, problems);
    if (problems.none && isShare) {
      const parts = addRemainder(spec, type, data, whole, f, problems);
      drawn = parts;
      if (parts.note) axis.notes.push(parts.note);
      if (whole !== undefined) share = { whole, ...(parts.remainder ? { remainder: parts.remainder } : {}) };
    }
  }
  if (!problems.none) {
    throw new ContentError({
      file: place.file,
      line: place.line,
      field: spec.title ? `<Chart title="${spec.title}">` : '<Chart>',
      message: `${spec.title ? `Chart "${spec.title}"` : 'A chart'} ${problems.errors.join('; ')}.`,
      fix: problems.fixes.join(' '),
    });
  }
  const type = spec.type as ChartType;
  const unique = new Map(data.sources.map((s) => [s.url + s.name, s]));
  return {
    id: chartAnchor(spec),
    type,
    title: spec.title,
    caption: spec.caption,
    horizontal: Boolean(spec.horizontal),
    stacked: Boolean(spec.stacked),
    logScale: Boolean(spec.logScale),
    axis: {
      ...(axis.from !== undefined ? { from: axis.from } : {}),
      truncated: axis.from !== undefined && CHART_TYPES[type].values === 'length',
      ...(axis.decades ? { decades: axis.decades } : {}),
    },
    ...(share ? { share } : {}),
    labels: drawn.labels,
    datasets: drawn.datasets,
    format: data.format,
    dates: [...new Set(data.dates)].sort(comparePartialDates),
    notes: axis.notes,
    sources: [...unique.values()],
    figureIds: data.figureIds,
    seriesIds: data.seriesIds,
  };
}
