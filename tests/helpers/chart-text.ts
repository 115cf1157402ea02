/**
 * The text a chart draws, read off the canvas as chart.js draws it: each `fillText` with its font, its
 * alignment, where it starts and how wide it is, in the drawing's CSS px. The static renderer and the
 * browser draw from the same config (src/lib/charts/config.ts), so this is what both show.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from '../../src/lib/charts/chart-js.ts';
import { attachFormatters, chartSize, toChartConfig, type ChartDrawing } from '../../src/lib/charts/config.ts';
import { registerChartFonts } from '../../src/lib/fonts/chart-fonts.ts';

export interface DrawnText {
  text: string;
  /** Font size in CSS px. */
  size: number;
  align: CanvasTextAlign;
  x: number;
  width: number;
}

/** Every non-blank text the chart draws in the light theme, at its layout's size (a device pixel ratio of 1). */
export function drawnTexts(chart: ChartDrawing): DrawnText[] {
  registerChartFonts();
  const size = chartSize(chart);
  const ctx = createCanvas(size.width, size.height).getContext('2d');
  const drawn: DrawnText[] = [];
  const fillText = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    if (text.trim())
      drawn.push({
        text,
        size: Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)![1]),
        align: ctx.textAlign,
        x,
        width: ctx.measureText(text).width,
      });
    fillText(text, x, y, maxWidth);
  };
  const config = attachFormatters(toChartConfig(chart, 'light'));
  const live = new Chart(
    ctx as unknown as CanvasRenderingContext2D,
    { ...(config as object), options: { ...config.options, devicePixelRatio: 1 } } as never,
  );
  live.destroy();
  return drawn;
}
