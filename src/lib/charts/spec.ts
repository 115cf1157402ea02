import { ContentError, nearest } from '../errors.ts';
import { rescale, formatPartialDate, makeValueFormatter, type FormatSpec } from '../figures/format.ts';
import type { Figure, Series, Source } from '../figures/types.ts';
import { isPeriod, isScale, isUnit, UNITS, type Period } from '../figures/units.ts';
import { slugify } from '../slug.ts';

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

export const CHART_TYPES = ['bar', 'line', 'doughnut', 'pie'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

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
  /** Drawn for a phone-width column (see narrowChart in config.ts); default wide. */
  layout?: 'narrow';
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

/** Whether a chart shows parts of a whole. */
export function isShareChart(spec: Pick<ChartSpec, 'type' | 'stacked'>, unit: string): boolean {
  return (
    spec.type === 'pie' ||
    spec.type === 'doughnut' ||
    (spec.type === 'bar' && Boolean(spec.stacked) && unit === 'percent')
  );
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

/**
 * Check a spec and look up its data. Every problem is a ContentError naming
 * the article and the chart (by title) and saying how to fix it. Besides
 * shape (type, data, lengths), the integrity rules of a data desk: bars from
 * zero on a linear axis, shares drawn against their whole, one unit and
 * period per axis, log scales only where lengths do not encode values.
 */
export function resolveChart(spec: ChartSpec, lookup: FigureLookup, place: ChartPlace): ResolvedChart {
  const errors: string[] = [];
  const fix: string[] = [];
  const fail = (message: string, how: string) => {
    errors.push(message);
    fix.push(how);
  };
  const name = spec.title ? `Chart "${spec.title}"` : 'A chart';
  // Unknown props in general are the linter's (unknown-prop); a second axis gets its own reason here.
  for (const key of Object.keys(spec)) {
    if ((CHART_PROPS as readonly string[]).includes(key) || !/axis|y2|secondary|dual/i.test(key)) continue;
    fail(
      `has a second-axis prop "${key}"`,
      `Dual axes are not offered: two scales on one chart let any two lines cross where the author likes. Make two charts, or chart the ratio or the change. ${ONE_AXIS}`,
    );
  }
  if (!spec.title || typeof spec.title !== 'string')
    fail('has no title', 'Give every chart a `title` (it is its heading and part of its text alternative).');
  if (!(CHART_TYPES as readonly string[]).includes(spec.type))
    fail(`has unknown type "${spec.type}"`, `Use type="${CHART_TYPES.join('", "')}".`);
  if (spec.id !== undefined && (typeof spec.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(spec.id)))
    fail(
      `has id ${JSON.stringify(spec.id)}, which is not a lower-case slug`,
      'Write id="like-this" (letters, digits and hyphens), or leave it out to use the title.',
    );
  const sourcesGiven = [spec.figures !== undefined, spec.series !== undefined, spec.datasets !== undefined].filter(
    Boolean,
  ).length;
  if (sourcesGiven !== 1)
    fail(
      sourcesGiven === 0 ? 'has no data' : 'has data from more than one place',
      'Give exactly one of `figures={[…ids]}`, `series="id"` or `datasets={[{ label, values }]}` with `labels`.',
    );

  let labels: string[] = [];
  let datasets: ResolvedChart['datasets'] = [];
  let format: FormatSpec = { unit: 'count', scale: 'one' };
  const sources: Source[] = [];
  const figureIds: string[] = [];
  const seriesIds: string[] = [];
  const dates: string[] = [];

  /** Everything on one axis shares unit, rate and period. */
  const sameAxis = (items: Array<{ id: string; unit: string; per?: string; period?: Period }>) => {
    const first = items[0];
    if (!first) return;
    const unit = items.find((x) => x.unit !== first.unit);
    if (unit) fail(`mixes units (${first.id} is ${first.unit}, ${unit.id} is ${unit.unit})`, ONE_AXIS);
    const per = items.find((x) => (x.per ?? '') !== (first.per ?? ''));
    if (per)
      fail(
        `mixes rates (${first.id} is ${first.per ? `per ${first.per}` : 'a total'}, ${per.id} is ${per.per ? `per ${per.per}` : 'a total'})`,
        ONE_AXIS,
      );
    const period = items.find((x) => (x.period ?? '') !== (first.period ?? ''));
    if (period)
      fail(
        `mixes periods (${first.id} is ${first.period ? `a ${first.period}` : 'without a period'}, ${period.id} is ${period.period ? `a ${period.period}` : 'without a period'})`,
        ONE_AXIS,
      );
  };

  if (spec.figures !== undefined && sourcesGiven === 1) {
    if (Array.isArray(spec.labels) && Array.isArray(spec.figures) && spec.labels.length !== spec.figures.length) {
      fail(
        `has ${spec.labels.length} labels but ${spec.figures.length} figures`,
        "Give one label per figure, in the same order, or leave out `labels` to use the figures' own labels.",
      );
    }
    const figures = (Array.isArray(spec.figures) ? spec.figures : []).map((id) => {
      const f = lookup.figure(id);
      if (!f)
        fail(
          `uses unknown figure "${id}"`,
          `Did you mean ${nearest(id, lookup.figureIds(), 3)
            .map((x) => `"${x}"`)
            .join(', ')}?`,
        );
      return f;
    });
    const found = figures.filter((f): f is Figure => f !== undefined);
    if (found.length > 0 && found.length === figures.length) {
      const first = found[0]!;
      sameAxis(found);
      format = {
        unit: first.unit,
        scale: first.scale,
        per: first.per,
        noun: first.noun,
        digits: first.digits,
        period: first.period,
      };
      labels = spec.labels ?? found.map((f) => f.label);
      datasets = [{ label: spec.title, values: found.map((f) => rescale(f.value, f.scale, first.scale)) }];
      found.forEach((f) => {
        sources.push(f.source);
        figureIds.push(f.id);
        if (f.asOf) dates.push(f.asOf);
      });
    }
  }

  if (spec.series !== undefined && sourcesGiven === 1) {
    const ids = Array.isArray(spec.series) ? spec.series : [spec.series];
    const found: Series[] = [];
    for (const id of ids) {
      const s = lookup.series(id);
      if (!s)
        fail(
          `uses unknown series "${id}"`,
          `Did you mean ${nearest(id, lookup.seriesIds(), 3)
            .map((x) => `"${x}"`)
            .join(', ')}?`,
        );
      else found.push(s);
    }
    if (found.length === ids.length && found.length > 0) {
      const first = found[0]!;
      sameAxis(found);
      format = { unit: first.unit, scale: first.scale, per: first.per, noun: first.noun, period: first.period };
      labels = spec.labels ?? first.points.map((p) => p.label ?? formatPartialDate(p.date));
      const mismatch = found.find((s) => s.points.length !== first.points.length);
      if (mismatch)
        fail(
          `combines series of different lengths (${first.id}, ${mismatch.id})`,
          'Chart series that share the same dates.',
        );
      datasets = found.map((s) => ({
        label: s.label,
        values: s.points.map((p) => rescale(p.value, s.scale, first.scale)),
      }));
      found.forEach((s) => {
        sources.push(s.source);
        seriesIds.push(s.id);
        dates.push(...s.points.map((p) => p.date));
      });
    }
  }

  if (spec.datasets !== undefined && sourcesGiven === 1) {
    if (!Array.isArray(spec.labels)) fail('has inline data but no `labels`', 'Add labels={["…", …]}, one per value.');
    labels = Array.isArray(spec.labels) ? spec.labels : [];
    datasets = (Array.isArray(spec.datasets) ? spec.datasets : []).map((d) => ({
      label: String(d.label ?? ''),
      values: Array.isArray(d.values) ? d.values : [],
    }));
    if (spec.unit !== undefined && !isUnit(spec.unit))
      fail(`has unknown unit "${spec.unit}"`, `Use ${UNITS.join(', ')}.`);
    if (spec.scale !== undefined && !isScale(spec.scale))
      fail(`has unknown scale "${spec.scale}"`, 'Use one, thousand, million, billion or trillion.');
    if (spec.period !== undefined && !isPeriod(spec.period))
      fail(`has unknown period "${spec.period}"`, 'Use day, month, quarter or year.');
    format = {
      unit: isUnit(spec.unit) ? spec.unit : 'count',
      scale: isScale(spec.scale) ? spec.scale : 'one',
      per: spec.per,
      period: isPeriod(spec.period) ? spec.period : undefined,
    };
  }

  const round = spec.type === 'doughnut' || spec.type === 'pie';
  const share = isShareChart(spec, format.unit);
  const f = makeValueFormatter(format);
  let whole: number | undefined;
  const notes: string[] = [];
  let decades: number[] | undefined;
  let from: number | undefined;

  if (errors.length === 0) {
    if (datasets.length === 0 || labels.length === 0) fail('has no data points', 'Give at least one label and value.');
    for (const d of datasets) {
      if (d.values.length !== labels.length)
        fail(`has ${labels.length} labels but ${d.values.length} values in "${d.label}"`, 'Give one value per label.');
      const bad = d.values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
      if (bad >= 0)
        fail(
          `has a value that is not a finite number (${JSON.stringify(d.values[bad])} for "${labels[bad] ?? bad}")`,
          'Use plain numbers; unit and scale are separate props.',
        );
    }
  }

  if (errors.length === 0) {
    const values = datasets.flatMap((d) => d.values);
    // Log scales: lines only, positive values only.
    if (spec.logScale) {
      if (spec.type === 'bar')
        fail(
          "uses a log scale on bars: a bar's length is read as its value, and on a log axis a 99% cut looks like a two-thirds cut",
          'Remove logScale and let the bars start at zero with their values labelled; or show the values as points on a log scale with type="line"; or make two charts, one per order of magnitude.',
        );
      else if (round) fail(`uses logScale on a ${spec.type}, which has no value axis`, 'Remove logScale.');
      else if (values.some((v) => v <= 0))
        fail('uses a log scale with values at or below zero', 'Remove logScale, or chart positive values only.');
      else if (spec.from !== undefined)
        fail('combines logScale with from', 'A log axis starts at the decade below the smallest value; remove from.');
      else {
        decades = logDecades(values);
        notes.push(
          `Log scale: each gridline is ten times the one below, from ${f(decades[0]!)} to ${f(decades[decades.length - 1]!)}.`,
        );
      }
    }
    // Where the value axis starts: bars from zero unless truncated is declared.
    if (spec.truncated && spec.from === undefined)
      fail('is marked truncated but gives no from', 'Add from={…}, the value the axis starts at, or remove truncated.');
    if (spec.from !== undefined && !spec.logScale) {
      if (typeof spec.from !== 'number' || !Number.isFinite(spec.from))
        fail(`has from=${JSON.stringify(spec.from)}, which is not a number`, 'Write from={150}.');
      else if (round) fail(`sets from on a ${spec.type}, which has no value axis`, 'Remove from.');
      else if (spec.from > Math.min(...values))
        fail(
          `starts its axis at ${f(spec.from)}, above its smallest value ${f(Math.min(...values))}`,
          'Start the axis at or below the smallest value, or leave from out.',
        );
      else if (spec.type === 'bar' && spec.from !== 0 && !spec.truncated)
        fail(
          `starts its bar axis at ${f(spec.from)}, not zero: a bar's length is read as its value, so the differences would look ${spec.from > 0 ? 'larger' : 'smaller'} than they are`,
          'Remove from so the bars start at zero; or add truncated to opt in (the axis is then drawn with a visible break); or use type="line", where the axis need not start at zero.',
        );
      else if (spec.from !== 0) {
        from = spec.from;
        if (spec.type === 'bar')
          notes.push(
            `The value axis starts at ${f(from)}, not zero (marked by the break), so bars are shorter than their values.`,
          );
      }
    }
    if (spec.truncated && spec.type !== 'bar' && spec.from !== undefined)
      fail(
        `is marked truncated, which only applies to bars`,
        'Remove truncated: a line chart may start its axis where the data is.',
      );

    // Shares are drawn against their whole.
    if (spec.whole !== undefined && !share)
      fail(
        `gives a whole, but a ${spec.stacked ? 'stacked ' : ''}${spec.type} chart${spec.type === 'bar' ? ' of ' + format.unit : ''} is not a share chart`,
        'Use whole with type="pie", "doughnut", or a stacked bar of percentages; or remove it.',
      );
    if (share) {
      if (values.some((v) => v < 0))
        fail(
          `is a ${spec.type === 'bar' ? 'stacked share chart' : spec.type} with negative values`,
          'Use a plain bar chart for values that can be negative.',
        );
      if (typeof spec.whole === 'number') whole = spec.whole;
      else if (typeof spec.whole === 'string') {
        const w = lookup.figure(spec.whole);
        if (!w)
          fail(
            `uses unknown figure "${spec.whole}" as its whole`,
            `Did you mean ${nearest(spec.whole, lookup.figureIds(), 3)
              .map((x) => `"${x}"`)
              .join(', ')}?`,
          );
        else if (w.unit !== format.unit || (w.per ?? '') !== (format.per ?? ''))
          fail(
            `has parts in ${format.unit} but its whole ${w.id} is in ${w.unit}`,
            'The whole must be in the same unit as its parts.',
          );
        else {
          whole = rescale(w.value, w.scale, format.scale);
          figureIds.push(w.id);
          sources.push(w.source);
        }
      } else if (spec.whole !== undefined)
        fail(
          `has whole=${JSON.stringify(spec.whole)}`,
          'Give the whole as a figure id (whole="…") or a number (whole={100}).',
        );
      else if (format.unit === 'percent') whole = 100;
      if (whole !== undefined && !(whole > 0)) fail(`has a whole of ${whole}`, 'The whole must be a positive number.');
    }
  }

  let remainder: NonNullable<ResolvedChart['share']>['remainder'];
  if (errors.length === 0 && share) {
    // The parts of each ring (pie) or each bar (stacked) against the whole.
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
        fail(
          `has ${names[i]} adding up to ${f(t)}, more than the whole (${f(target)})`,
          'Parts of one whole cannot exceed it: check the figures and their dates. If they overlap (a company counted twice), use a bar chart of separate values instead.',
        );
    });
    if (errors.length === 0 && whole !== undefined) {
      const gaps = totals.map((t) => Math.max(0, whole - t));
      if (gaps.some((g) => g > tol)) {
        const other = typeof spec.otherLabel === 'string' && spec.otherLabel.trim() ? spec.otherLabel.trim() : 'Other';
        const clean = (g: number) => (g > tol ? Number(g.toPrecision(12)) : 0);
        if (round) {
          labels = [...labels, other];
          datasets = datasets.map((d, i) => ({ ...d, values: [...d.values, clean(gaps[i]!)] }));
          remainder = { kind: 'label', index: labels.length - 1 };
          notes.push(
            datasets.length === 1
              ? `${other}: the ${f(clean(gaps[0]!))} of ${f(whole)} that the source does not name.`
              : `${other}: the part of each whole (${f(whole)}) that the source does not name.`,
          );
        } else {
          datasets = [...datasets, { label: other, values: gaps.map(clean) }];
          remainder = { kind: 'dataset', index: datasets.length - 1 };
          notes.push(`${other}: the part of each bar's ${f(whole)} that the source does not name.`);
        }
      }
    }
  }

  if (errors.length > 0) {
    throw new ContentError({
      file: place.file,
      line: place.line,
      field: spec.title ? `<Chart title="${spec.title}">` : '<Chart>',
      message: `${name} ${errors.join('; ')}.`,
      fix: fix.join(' '),
    });
  }
  const unique = new Map(sources.map((s) => [s.url + s.name, s]));
  return {
    id: chartAnchor(spec),
    type: spec.type as ChartType,
    title: spec.title,
    caption: spec.caption,
    horizontal: Boolean(spec.horizontal),
    stacked: Boolean(spec.stacked),
    logScale: Boolean(spec.logScale),
    axis: {
      ...(from !== undefined ? { from } : {}),
      truncated: from !== undefined && spec.type === 'bar',
      ...(decades ? { decades } : {}),
    },
    ...(share && whole !== undefined ? { share: { whole, ...(remainder ? { remainder } : {}) } } : {}),
    labels,
    datasets,
    format,
    dates: [...new Set(dates)].sort(),
    notes,
    sources: [...unique.values()],
    figureIds,
    seriesIds,
  };
}
