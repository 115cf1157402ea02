import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, LinearScale, LineController, LineElement, LogarithmicScale, PieController, PointElement } from 'chart.js';
import { attachFormatters, chartSize, type ChartConfig } from './config.ts';
import { THEMES } from './palette.ts';
import { registerChartFonts } from './fonts.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, PieController, ArcElement, CategoryScale, LinearScale, LogarithmicScale);

export const PIXEL_RATIO = 2;

/** Canvases by size, reused: native canvas memory is invisible to V8's GC, so fresh canvases per chart piled up to GBs. */
const canvases = new Map<string, { chart: Canvas; page: Canvas }>();
let queue: Promise<unknown> = Promise.resolve();

/**
 * Draw a chart.js config on a server-side canvas and return a PNG at twice
 * the logical size (sharp on high-density screens). The same config, given
 * to chart.js in the browser, draws the interactive chart. Renders run one
 * at a time on reused canvases, which keeps memory flat however many charts
 * a build has.
 */
export function renderChartPng(config: ChartConfig, size: ReturnType<typeof chartSize>): Promise<Buffer> {
  const run = queue.then(() => draw(config, size));
  queue = run.catch(() => undefined);
  return run;
}

async function draw(config: ChartConfig, size: ReturnType<typeof chartSize>): Promise<Buffer> {
  registerChartFonts();
  const key = `${size.width}x${size.height}`;
  let pair = canvases.get(key);
  if (!pair) {
    pair = { chart: createCanvas(size.width * PIXEL_RATIO, size.height * PIXEL_RATIO), page: createCanvas(size.width * PIXEL_RATIO, size.height * PIXEL_RATIO) };
    canvases.set(key, pair);
  }
  const ctx = pair.chart.getContext('2d');
  ctx.clearRect(0, 0, pair.chart.width, pair.chart.height);
  const full = attachFormatters(structuredClone(config));
  (full.options).devicePixelRatio = PIXEL_RATIO;
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, { ...(full as object), options: { ...full.options, responsive: false } } as never);
  chart.resize(size.width, size.height);
  chart.draw();
  // chart.js clears its canvas, so the page colour goes underneath afterwards.
  const pageCtx = pair.page.getContext('2d');
  pageCtx.fillStyle = THEMES[config.aif.theme].background;
  pageCtx.fillRect(0, 0, pair.page.width, pair.page.height);
  pageCtx.drawImage(pair.chart, 0, 0);
  chart.destroy();
  return pair.page.encode('png');
}
