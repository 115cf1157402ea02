import { ContentError, nearest } from '../errors.ts';
import { rescale, formatPartialDate, type FormatSpec } from '../figures/format.ts';
import type { Figure, Series, Source } from '../figures/types.ts';
import { isScale, isUnit } from '../figures/units.ts';

/** What an author writes as props of `<Chart>`. */
export interface ChartSpec {
  type: string;
  title: string;
  caption?: string;
  /** Bars run left to right. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Logarithmic value axis (lines and bars). */
  logScale?: boolean;
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
}

export const CHART_TYPES = ['bar', 'line', 'doughnut', 'pie'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The chart after its data has been looked up and checked: everything the three renderings need. */
export interface ResolvedChart {
  type: ChartType;
  title: string;
  caption?: string;
  horizontal: boolean;
  stacked: boolean;
  logScale: boolean;
  labels: string[];
  datasets: Array<{ label: string; values: number[] }>;
  format: FormatSpec;
  sources: Source[];
  figureIds: string[];
  seriesIds: string[];
}

export interface FigureLookup {
  figure(id: string): Figure | undefined;
  series(id: string): Series | undefined;
  figureIds(): string[];
  seriesIds(): string[];
}

/** Where a chart sits, for messages. */
export interface ChartPlace {
  file: string;
  line?: number;
}

/**
 * Check a spec and look up its data. Every problem is a ContentError naming
 * the article and the chart (by title) and saying how to fix it.
 */
export function resolveChart(spec: ChartSpec, lookup: FigureLookup, place: ChartPlace): ResolvedChart {
  const errors: string[] = [];
  const fix: string[] = [];
  const fail = (message: string, how: string) => {
    errors.push(message);
    fix.push(how);
  };
  const name = spec.title ? `Chart "${spec.title}"` : 'A chart';
  if (!spec.title || typeof spec.title !== 'string') fail('has no title', 'Give every chart a `title` (it is its caption and part of its text alternative).');
  if (!(CHART_TYPES as readonly string[]).includes(spec.type)) fail(`has unknown type "${spec.type}"`, `Use type="${CHART_TYPES.join('", "')}".`);
  const sourcesGiven = [spec.figures !== undefined, spec.series !== undefined, spec.datasets !== undefined].filter(Boolean).length;
  if (sourcesGiven !== 1) fail(sourcesGiven === 0 ? 'has no data' : 'has data from more than one place', 'Give exactly one of `figures={[…ids]}`, `series="id"` or `datasets={[{ label, values }]}` with `labels`.');

  let labels: string[] = [];
  let datasets: ResolvedChart['datasets'] = [];
  let format: FormatSpec = { unit: 'count', scale: 'one' };
  const sources: Source[] = [];
  const figureIds: string[] = [];
  const seriesIds: string[] = [];

  if (spec.figures !== undefined && sourcesGiven === 1) {
    if (Array.isArray(spec.labels) && Array.isArray(spec.figures) && spec.labels.length !== spec.figures.length) {
      fail(`has ${spec.labels.length} labels but ${spec.figures.length} figures`, "Give one label per figure, in the same order, or leave out `labels` to use the figures' own labels.");
    }
    const figures = spec.figures.map((id) => {
      const f = lookup.figure(id);
      if (!f) fail(`uses unknown figure "${id}"`, `Did you mean ${nearest(id, lookup.figureIds(), 3).map((x) => `"${x}"`).join(', ')}?`);
      return f;
    });
    const found = figures.filter((f): f is Figure => f !== undefined);
    if (found.length > 0 && found.length === figures.length) {
      const first = found[0]!;
      const mixed = found.find((f) => f.unit !== first.unit || f.per !== first.per);
      if (mixed) fail(`mixes units (${first.id} is ${first.unit}, ${mixed.id} is ${mixed.unit})`, 'Chart figures that share one unit, or make two charts.');
      format = { unit: first.unit, scale: first.scale, per: first.per, noun: first.noun, digits: first.digits };
      labels = spec.labels ?? found.map((f) => f.label);
      datasets = [{ label: spec.title, values: found.map((f) => rescale(f.value, f.scale, first.scale)) }];
      found.forEach((f) => {
        sources.push(f.source);
        figureIds.push(f.id);
      });
    }
  }

  if (spec.series !== undefined && sourcesGiven === 1) {
    const ids = Array.isArray(spec.series) ? spec.series : [spec.series];
    const found: Series[] = [];
    for (const id of ids) {
      const s = lookup.series(id);
      if (!s) fail(`uses unknown series "${id}"`, `Did you mean ${nearest(id, lookup.seriesIds(), 3).map((x) => `"${x}"`).join(', ')}?`);
      else found.push(s);
    }
    if (found.length === ids.length && found.length > 0) {
      const first = found[0]!;
      format = { unit: first.unit, scale: first.scale, per: first.per, noun: first.noun };
      labels = spec.labels ?? first.points.map((p) => p.label ?? formatPartialDate(p.date));
      const mismatch = found.find((s) => s.points.length !== first.points.length);
      if (mismatch) fail(`combines series of different lengths (${first.id}, ${mismatch.id})`, 'Chart series that share the same dates.');
      datasets = found.map((s) => ({ label: s.label, values: s.points.map((p) => rescale(p.value, s.scale, first.scale)) }));
      found.forEach((s) => {
        sources.push(s.source);
        seriesIds.push(s.id);
      });
    }
  }

  if (spec.datasets !== undefined && sourcesGiven === 1) {
    if (!Array.isArray(spec.labels)) fail('has inline data but no `labels`', 'Add labels={["…", …]}, one per value.');
    labels = spec.labels ?? [];
    datasets = spec.datasets.map((d) => ({ label: String(d.label ?? ''), values: Array.isArray(d.values) ? d.values : [] }));
    if (spec.unit !== undefined && !isUnit(spec.unit)) fail(`has unknown unit "${spec.unit}"`, 'Use CNY, USD, EUR, tokens, percent, count or multiple.');
    if (spec.scale !== undefined && !isScale(spec.scale)) fail(`has unknown scale "${spec.scale}"`, 'Use one, thousand, million, billion or trillion.');
    format = { unit: isUnit(spec.unit) ? spec.unit : 'count', scale: isScale(spec.scale) ? spec.scale : 'one', per: spec.per };
  }

  if (errors.length === 0) {
    if (datasets.length === 0 || labels.length === 0) fail('has no data points', 'Give at least one label and value.');
    for (const d of datasets) {
      if (d.values.length !== labels.length) fail(`has ${labels.length} labels but ${d.values.length} values in "${d.label}"`, 'Give one value per label.');
      const bad = d.values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
      if (bad >= 0) fail(`has a value that is not a finite number (${JSON.stringify(d.values[bad])} for "${labels[bad] ?? bad}")`, 'Use plain numbers; unit and scale are separate props.');
      if (spec.logScale && d.values.some((v) => v <= 0)) fail('uses a log scale with values at or below zero', 'Remove logScale, or chart positive values only.');
    }
    if ((spec.type === 'doughnut' || spec.type === 'pie') && datasets.some((d) => d.values.some((v) => v < 0))) fail('is a pie with negative values', 'Use a bar chart for values that can be negative.');
  }

  if (errors.length > 0) {
    throw new ContentError({ file: place.file, line: place.line, field: spec.title ? `<Chart title="${spec.title}">` : '<Chart>', message: `${name} ${errors.join('; ')}.`, fix: fix.join(' ') });
  }
  const unique = new Map(sources.map((s) => [s.url + s.name, s]));
  return {
    type: spec.type as ChartType,
    title: spec.title,
    caption: spec.caption,
    horizontal: Boolean(spec.horizontal),
    stacked: Boolean(spec.stacked),
    logScale: Boolean(spec.logScale),
    labels,
    datasets,
    format,
    sources: [...unique.values()],
    figureIds,
    seriesIds,
  };
}
