import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, LinearScale, LineController, LineElement, LogarithmicScale, PieController, PointElement, type ActiveElement } from 'chart.js';
import { attachFormatters, type ChartConfig } from '../lib/charts/config.ts';
import { makeValueFormatter } from '../lib/figures/format.ts';

// Only what the column's chart types use (not chart.js/auto). chart.js ships as
// one module, so every part lands in one chunk: no tooltip or legend plugins —
// the value under the pointer and the legend are plain HTML, which costs
// bytes once and reads out to screen readers.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, PieController, ArcElement, CategoryScale, LinearScale, LogarithmicScale);

const dark = window.matchMedia('(prefers-color-scheme: dark)');
/** The theme toggle (public/site.js) keeps the effective theme in <html data-theme> and fires `themechange`. */
const isDark = () => (document.documentElement.dataset.theme ?? (dark.matches ? 'dark' : 'light')) === 'dark';

/** Draw one figure's chart on a canvas over its static image; redraw when the colour scheme changes. */
export function drawChart(figure: HTMLElement): void {
  const frame = figure.querySelector<HTMLElement>('.chart__frame');
  const json = figure.querySelector('script[data-chart-config]')?.textContent;
  const img = frame?.querySelector('img');
  const readout = figure.querySelector<HTMLElement>('.chart__readout');
  if (!frame || !json || !img) return;
  const configs = JSON.parse(json) as { light: ChartConfig; dark: ChartConfig };
  const format = makeValueFormatter(configs.light.aif.format);
  const canvas = document.createElement('canvas');
  canvas.className = 'chart__canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', img.alt);
  frame.append(canvas);
  let chart: Chart | undefined;
  const show = (elements: ActiveElement[]) => {
    if (!readout || !chart) return;
    const hit = elements[0];
    if (!hit) return;
    const label = chart.data.labels?.[hit.index];
    const dataset = chart.data.datasets[hit.datasetIndex]!;
    const name = chart.data.datasets.length > 1 ? `${dataset.label} — ${String(label)}` : String(label);
    readout.textContent = `${name}: ${format(Number(dataset.data[hit.index]))}`;
  };
  const draw = () => {
    chart?.destroy();
    const config = attachFormatters(structuredClone(isDark() ? configs.dark : configs.light));
    const plugins = { ...(config.options.plugins as object), tooltip: { enabled: false } };
    chart = new Chart(canvas, {
      type: config.type,
      data: config.data,
      options: { ...config.options, plugins, responsive: true, maintainAspectRatio: false, onHover: (_e: unknown, els: ActiveElement[]) => show(els), onClick: (_e: unknown, els: ActiveElement[]) => show(els) },
    } as never);
    figure.dataset.chartLive = 'drawn';
  };
  draw();
  document.addEventListener('themechange', draw);
}
