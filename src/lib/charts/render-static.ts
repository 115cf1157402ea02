import { createCanvas } from '@napi-rs/canvas';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, LinearScale, LineController, LineElement, LogarithmicScale, PieController, PointElement } from 'chart.js';
import { attachFormatters, chartSize, type ChartConfig } from './config.ts';
import { THEMES } from './palette.ts';
import { registerChartFonts } from './fonts.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, PieController, ArcElement, CategoryScale, LinearScale, LogarithmicScale);

export const PIXEL_RATIO = 2;

/**
 * Draw a chart.js config on a server-side canvas and return a PNG at twice
 * the logical size (sharp on high-density screens). The same config, given
 * to chart.js in the browser, draws the interactive chart.
 */
export async function renderChartPng(config: ChartConfig, size: ReturnType<typeof chartSize>): Promise<Buffer> {
  registerChartFonts();
  const canvas = createCanvas(size.width * PIXEL_RATIO, size.height * PIXEL_RATIO);
  const ctx = canvas.getContext('2d');
  const full = attachFormatters(structuredClone(config));
  (full.options as Record<string, unknown>).devicePixelRatio = PIXEL_RATIO;
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, { ...(full as object), options: { ...full.options, responsive: false } } as never);
  chart.resize(size.width, size.height);
  chart.draw();
  // chart.js clears its canvas, so the page colour goes underneath afterwards.
  const page = createCanvas(canvas.width, canvas.height);
  const pageCtx = page.getContext('2d');
  pageCtx.fillStyle = THEMES[config.aif.theme].background;
  pageCtx.fillRect(0, 0, page.width, page.height);
  pageCtx.drawImage(canvas, 0, 0);
  chart.destroy();
  return page.encode('png');
}
