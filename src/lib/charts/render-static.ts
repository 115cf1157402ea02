import { createCanvas, SvgExportFlag, type Canvas } from '@napi-rs/canvas';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PieController,
  PointElement,
} from 'chart.js';
import { attachFormatters, type ChartConfig } from './config.ts';
import { THEMES } from './palette.ts';
import { registerChartFonts } from './fonts.ts';
import { mergeThemes } from './svg-themes.ts';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  DoughnutController,
  PieController,
  ArcElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
);

export const PIXEL_RATIO = 2;

export interface Size {
  width: number;
  height: number;
}

/** Draw a chart.js config on a server-side canvas context (the same config draws the live chart in the browser); destroy it once the drawing is taken, since destroying clears the canvas. */
function drawOn(ctx: unknown, config: ChartConfig, size: Size, pixelRatio: number): Chart {
  const full = attachFormatters(structuredClone(config));
  full.options.devicePixelRatio = pixelRatio;
  const chart = new Chart(
    ctx as CanvasRenderingContext2D,
    { ...(full as object), options: { ...full.options, responsive: false, animation: false } } as never,
  );
  chart.resize(size.width, size.height);
  chart.draw();
  return chart;
}

function drawSvg(config: ChartConfig, size: Size): string {
  registerChartFonts();
  const canvas = createCanvas(size.width, size.height, SvgExportFlag.ConvertTextToPaths);
  const chart = drawOn(canvas.getContext('2d'), config, size, 1);
  const svg = canvas.getContent().toString('utf8');
  chart.destroy();
  return svg;
}

/**
 * The chart as one SVG for pages: light and dark drawings merged, the dark
 * colours applied by `prefers-color-scheme` inside the file, text as paths in
 * the shipped font. Vector, so it stays sharp at any density.
 */
export function renderChartSvg(configs: { light: ChartConfig; dark: ChartConfig }, size: Size): string {
  return mergeThemes(drawSvg(configs.light, size), drawSvg(configs.dark, size), size, {
    light: THEMES.light.background,
    dark: THEMES.dark.background,
  });
}

/** Canvases by size, reused: native canvas memory is invisible to V8's GC, so fresh canvases per chart piled up to GBs. */
const canvases = new Map<string, { chart: Canvas; page: Canvas }>();

/**
 * The chart as a PNG at twice its logical size, on the theme's page colour:
 * for feeds and email, where SVG is not shown. Call one at a time per thread
 * (canvases are reused).
 */
export async function renderChartPng(config: ChartConfig, size: Size): Promise<Buffer> {
  registerChartFonts();
  const key = `${size.width}x${size.height}`;
  let pair = canvases.get(key);
  if (!pair) {
    pair = {
      chart: createCanvas(size.width * PIXEL_RATIO, size.height * PIXEL_RATIO),
      page: createCanvas(size.width * PIXEL_RATIO, size.height * PIXEL_RATIO),
    };
    canvases.set(key, pair);
  }
  const ctx = pair.chart.getContext('2d');
  ctx.clearRect(0, 0, pair.chart.width, pair.chart.height);
  const chart = drawOn(ctx, config, size, PIXEL_RATIO);
  // chart.js clears its canvas, so the page colour goes underneath afterwards.
  const pageCtx = pair.page.getContext('2d');
  pageCtx.fillStyle = THEMES[config.aif.theme].background;
  pageCtx.fillRect(0, 0, pair.page.width, pair.page.height);
  pageCtx.drawImage(pair.chart, 0, 0);
  chart.destroy();
  return pair.page.encode('png');
}
