import { makeValueFormatter, type FormatSpec } from '../figures/format.ts';
import { THEMES, type Theme } from './palette.ts';
import type { ResolvedChart } from './spec.ts';

/**
 * A chart.js configuration as pure data (JSON-safe): it is drawn at build
 * time on a server canvas and travels to the browser in a JSON script
 * element. Number formatting is a descriptor (`aif.format`) that
 * `attachFormatters` turns into callbacks in both places, so the axes read
 * "¥85 bn" on the image and on the canvas alike.
 */
export interface ChartConfig {
  type: ResolvedChart['type'];
  data: { labels: string[]; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
  aif: { format: FormatSpec; theme: Theme; valueAxis: 'x' | 'y' | null };
}

export const FONT_FAMILY = "'AIF Sans', 'Noto Sans SC', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export function toChartConfig(chart: ResolvedChart, theme: Theme): ChartConfig {
  const t = THEMES[theme];
  const round = chart.type === 'doughnut' || chart.type === 'pie';
  const valueAxis = round ? null : chart.horizontal ? 'x' : 'y';
  const categoryAxis = valueAxis === 'x' ? 'y' : 'x';
  const datasets = chart.datasets.map((d, i) => {
    const colour = t.series[i % t.series.length]!;
    if (round) return { label: d.label, data: d.values, backgroundColor: d.values.map((_, j) => t.series[j % t.series.length]), borderColor: t.background, borderWidth: 2 };
    if (chart.type === 'line') return { label: d.label, data: d.values, borderColor: colour, backgroundColor: colour, borderWidth: 3, pointRadius: 5, pointHoverRadius: 7, tension: 0 };
    return { label: d.label, data: d.values, backgroundColor: colour, borderColor: colour, borderWidth: 0, maxBarThickness: 64 };
  });
  const font = { family: FONT_FAMILY, size: 13 };
  // A log axis must reach below the smallest value, or its bar vanishes under the axis.
  const smallest = Math.min(...chart.datasets.flatMap((d) => d.values).filter((v) => v > 0));
  const logMin = chart.logScale && Number.isFinite(smallest) ? 10 ** Math.floor(Math.log10(smallest)) : undefined;
  const scales = round
    ? undefined
    : {
        [categoryAxis]: { stacked: chart.stacked, grid: { display: false }, ticks: { color: t.text, font }, border: { color: t.grid } },
        [valueAxis!]: {
          type: chart.logScale ? 'logarithmic' : 'linear',
          stacked: chart.stacked,
          beginAtZero: !chart.logScale,
          ...(logMin !== undefined ? { min: logMin } : {}),
          grid: { color: t.grid },
          border: { display: false },
          ticks: { color: t.muted, font },
        },
      };
  return {
    type: chart.type,
    data: { labels: chart.labels, datasets },
    options: {
      indexAxis: chart.horizontal ? 'y' : 'x',
      responsive: false,
      animation: false,
      maintainAspectRatio: false,
      color: t.text,
      font,
      layout: { padding: 8 },
      ...(scales ? { scales } : {}),
      plugins: {
        // The legend is HTML beside the chart (same on the image and the live canvas).
        legend: { display: false },
        title: { display: false },
      },
    },
    aif: { format: chart.format, theme, valueAxis },
  };
}

/** Add the formatting callbacks a JSON config cannot carry (axis ticks). */
export function attachFormatters<C extends ChartConfig>(config: C): C {
  const format = makeValueFormatter(config.aif.format);
  const options = config.options as { scales?: Record<string, { ticks?: Record<string, unknown> }> };
  const axis = config.aif.valueAxis;
  if (axis && options.scales?.[axis]?.ticks) {
    const log = (options.scales[axis] as { type?: string }).type === 'logarithmic';
    options.scales[axis].ticks.callback = (value: number | string) => {
      const n = Number(value);
      // On a log axis, label powers of ten only, to keep the axis readable.
      if (log && Math.abs(Math.log10(Math.abs(n)) % 1) > 1e-9) return '';
      return format(n);
    };
  }
  return config;
}

/** Logical (CSS) size of a chart; images are drawn at twice this. */
export function chartSize(chart: Pick<ResolvedChart, 'type' | 'horizontal' | 'labels'>): { width: number; height: number } {
  if (chart.type === 'doughnut' || chart.type === 'pie') return { width: 640, height: 400 };
  if (chart.horizontal) return { width: 720, height: Math.max(240, 90 + chart.labels.length * 56) };
  return { width: 720, height: 405 };
}
