import { makeValueFormatter } from '../figures/format.ts';
import type { ResolvedChart } from './spec.ts';

const NAMES: Record<ResolvedChart['type'], string> = { bar: 'Bar chart', line: 'Line chart', doughnut: 'Doughnut chart', pie: 'Pie chart' };

/**
 * The chart's text alternative, written from its data: "Bar chart: chips
 * ¥85 bn, data centres ¥75 bn, models and talent ¥40 bn."
 */
export function describeChart(chart: ResolvedChart): string {
  const f = makeValueFormatter(chart.format);
  const kind = [NAMES[chart.type], chart.horizontal ? 'horizontal' : '', chart.stacked ? 'stacked' : '', chart.logScale ? 'log scale' : ''].filter(Boolean).join(', ');
  if (chart.type === 'line') {
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
  return { caption: chart.title, head, rows: chart.labels.map((l, i) => [l, ...chart.datasets.map((d) => f(d.values[i]!))]) };
}

/** The data as CSV and JSON downloads (raw numbers, in the chart's unit and scale). */
export function chartDataFiles(chart: ResolvedChart): { csv: string; json: string } {
  const cell = (s: string | number) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  const header = ['label', ...chart.datasets.map((d) => d.label)].map(cell).join(',');
  const rows = chart.labels.map((l, i) => [l, ...chart.datasets.map((d) => d.values[i]!)].map(cell).join(','));
  const json = {
    title: chart.title,
    unit: chart.format.unit,
    scale: chart.format.scale,
    ...(chart.format.per ? { per: chart.format.per } : {}),
    labels: chart.labels,
    datasets: chart.datasets,
    sources: chart.sources,
  };
  return { csv: [header, ...rows].join('\n') + '\n', json: JSON.stringify(json, null, 2) + '\n' };
}
