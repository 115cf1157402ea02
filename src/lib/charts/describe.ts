import { formatPartialDate, makeValueFormatter } from '../figures/format.ts';
import { CURRENCIES } from '../figures/units.ts';
import { seriesColours } from './config.ts';
import { CHART_TYPES } from './chart-types.ts';
import type { ResolvedChart } from './spec.ts';
import { toCsv } from '../figures/csv.ts';
import { sourceParts } from '../figures/sources.ts';

/**
 * The chart's text alternative, written from its data: "Bar chart: chips
 * ¥85 bn, data centres ¥75 bn, models and talent ¥40 bn."
 */
export function describeChart(chart: ResolvedChart): string {
  const f = makeValueFormatter(chart.format);
  const kind = [
    CHART_TYPES[chart.type].name,
    chart.horizontal ? 'horizontal' : '',
    chart.stacked ? 'stacked' : '',
    chart.logScale ? 'log scale' : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (CHART_TYPES[chart.type].summary === 'ends') {
    const parts = chart.datasets.map((d) => {
      const first = d.values[0]!;
      const last = d.values[d.values.length - 1]!;
      return `${d.label} from ${f(first)} (${chart.labels[0]}) to ${f(last)} (${chart.labels[chart.labels.length - 1]})`;
    });
    return `${kind}: ${parts.join('; ')}.`;
  }
  const parts = chart.datasets.map((d) => {
    const items = chart.labels.map((l, i) => `${l} ${f(d.values[i]!)}`).join(', ');
    return chart.datasets.length > 1 ? `${d.label}: ${items}` : items;
  });
  return `${kind}${chart.datasets.length > 1 ? '' : `, ${chart.title}`}: ${parts.join('; ')}.`;
}

/** The data as a table: one row per label, one column per dataset, values formatted like the axes. */
export function chartTable(chart: ResolvedChart): { caption: string; head: string[]; rows: string[][] } {
  const f = makeValueFormatter(chart.format, 'long');
  const head = ['', ...chart.datasets.map((d) => (chart.datasets.length === 1 ? 'Value' : d.label))];
  return {
    caption: chart.title,
    head,
    rows: chart.labels.map((l, i) => [l, ...chart.datasets.map((d) => f(d.values[i]!))]),
  };
}

/** The chart's sources in one line: "Publisher, Title, Mar 2026; Publisher, Apr 2026". */
export function sourceLine(chart: Pick<ResolvedChart, 'sources'>): string {
  return chart.sources
    .map((s) => {
      const p = sourceParts(s);
      return [p.publisher, p.title, formatPartialDate(s.date)].filter(Boolean).join(', ');
    })
    .join('; ');
}

/**
 * The data as CSV and JSON downloads (raw numbers, in the chart's unit and scale). Each CSV row
 * says what its numbers are (unit, scale, rate, period) and where they come from, so the file
 * means the same away from the page.
 */
export function chartDataFiles(chart: ResolvedChart): { csv: string; json: string } {
  const { unit, scale, per, period } = chart.format;
  const source = chart.sources.map((s) => `${s.name} (${s.url})`).join('; ');
  const csv = toCsv([
    ['label', ...chart.datasets.map((d) => d.label), 'unit', 'scale', 'per', 'period', 'source'],
    ...chart.labels.map((l, i) => [
      l,
      ...chart.datasets.map((d) => d.values[i]!),
      unit,
      scale,
      per ?? '',
      period ?? '',
      source,
    ]),
  ]);
  const json = {
    title: chart.title,
    unit,
    scale,
    ...(per ? { per } : {}),
    ...(period ? { period } : {}),
    ...(chart.share ? { whole: chart.share.whole } : {}),
    labels: chart.labels,
    datasets: chart.datasets,
    ...(chart.notes.length ? { notes: chart.notes } : {}),
    sources: chart.sources,
  };
  return { csv, json: JSON.stringify(json, null, 2) + '\n' };
}

const UNIT_WORDS: Record<string, string> = {
  tokens: 'Tokens',
  percent: 'Percent',
  multiple: 'Multiple',
  count: 'Number',
};

/**
 * The line under a chart's title, written from its data: what is measured
 * and when. "Yuan · 2026", "Tokens a day · May 2024 to Sep 2025",
 * "Percent of the whole · Jun 2025".
 */
export function chartSubtitle(chart: Pick<ResolvedChart, 'format' | 'dates' | 'share' | 'logScale'>): string {
  const { unit, per, period, noun } = chart.format;
  const currency = CURRENCIES[unit];
  let what = currency
    ? currency.name[0]!.toUpperCase() + currency.name.slice(1)
    : unit === 'count' && noun
      ? noun[0]!.toUpperCase() + noun.slice(1)
      : (UNIT_WORDS[unit] ?? unit);
  if (per) what += ` per ${per}`;
  if (period) what += period === 'day' || period === 'month' ? ` a ${period}` : ` per ${period}`;
  if (chart.share)
    what +=
      unit === 'percent' && chart.share.whole === 100
        ? ' of the whole'
        : ` of ${makeValueFormatter(chart.format)(chart.share.whole)}`;
  if (chart.logScale) what += ', log scale';
  const first = chart.dates[0];
  const last = chart.dates[chart.dates.length - 1];
  const when = !first
    ? ''
    : first === last
      ? formatPartialDate(first)
      : `${formatPartialDate(first)} to ${formatPartialDate(last!)}`;
  return when ? `${what} · ${when}` : what;
}

/** Legend entries (HTML beside the chart): one per slice for pies, one per dataset when there are several. */
export function chartLegend(
  chart: ResolvedChart,
): Array<{ label: string; value?: string; light: string; dark: string }> {
  const light = seriesColours(chart, 'light');
  const dark = seriesColours(chart, 'dark');
  const f = makeValueFormatter(chart.format);
  if (CHART_TYPES[chart.type].legend === 'labels')
    return chart.labels.map((label, i) => ({
      label,
      ...(chart.datasets.length === 1 ? { value: f(chart.datasets[0]!.values[i]!) } : {}),
      light: light.labels[i]!,
      dark: dark.labels[i]!,
    }));
  if (chart.datasets.length > 1)
    return chart.datasets.map((d, i) => ({ label: d.label, light: light.datasets[i]!, dark: dark.datasets[i]! }));
  return [];
}
