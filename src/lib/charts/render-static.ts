import { createCanvas, SvgExportFlag, type Canvas, type SKRSContext2D, type SvgCanvas } from '@napi-rs/canvas';
import { Chart } from './chart-js.ts';
import { attachFormatters, type ChartConfig } from './config.ts';
import { THEMES } from './palette.ts';
import { registerChartFonts } from '../fonts/chart-fonts.ts';
import { mergeThemes, themeByPalette, withFrame, withViews, type FrameLine, type SvgFrame } from './svg-themes.ts';
import { embedChartFont } from '../fonts/svg-font.ts';
import { escapeText } from '../html/escape.ts';
import { palettePng } from '../images/palette-png.ts';
import { NARROW_VIEW, WIDE_VIEW } from './assets.ts';

/**
 * Pixels per CSS px of the subscriber PNG: feeds and email show it at up to 1.25 times its
 * logical width (FeedChart.astro), so on a 2x screen it is still drawn at least as finely as shown.
 * (At 2.5, a fifth fewer bytes, OCR read 21 of the showcase's 48 label words at 320 px instead of 24,
 * fewer than the page's phone drawing gives.)
 */
export const PIXEL_RATIO = 3;

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
  // The constructor has drawn once; a resize draws again, at the right size. No further
  // draw(): an SVG canvas keeps every stroke, so each extra draw doubled the file.
  if (chart.width !== size.width || chart.height !== size.height) chart.resize(size.width, size.height);
  return chart;
}

const ANCHOR: Record<string, string> = { center: 'middle', right: 'end', end: 'end' };

/** `#rrggbb` (lower-case) with an opacity, from a canvas colour (`#rrggbb` or `rgba(r, g, b, a)`). */
function svgColour(style: unknown, alpha: number): string {
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(String(style));
  const hex = rgba
    ? `#${rgba
        .slice(1, 4)
        .map((v) => Number(v).toString(16).padStart(2, '0'))
        .join('')}`
    : String(style).toLowerCase();
  const opacity = alpha * (rgba?.[4] === undefined ? 1 : Number(rgba[4]));
  return `fill="${hex}"${opacity < 1 ? ` fill-opacity="${Number(opacity.toFixed(3))}"` : ''}`;
}

/**
 * How far the alphabetic baseline sits below the context's baseline: a
 * property of the font and the baseline, not of the text, so measured once
 * for each. Measuring it twice for every label cost about a tenth of an SVG's
 * drawing (400 charts: 3.0–3.7 ms a chart before, 2.7–3.0 ms after; the files are byte-identical).
 */
const shifts = new Map<string, number>();
function baselineShift(ctx: SKRSContext2D, text: string): number {
  const key = `${ctx.font}|${ctx.textBaseline}`;
  let shift = shifts.get(key);
  if (shift === undefined) {
    const baseline = ctx.textBaseline;
    const asDrawn = ctx.measureText(text).actualBoundingBoxAscent;
    ctx.textBaseline = 'alphabetic';
    shift = ctx.measureText(text).actualBoundingBoxAscent - asDrawn;
    ctx.textBaseline = baseline;
    shifts.set(key, shift);
  }
  return shift;
}

/**
 * Text the chart draws, as SVG <text> elements rather than through the
 * canvas: the canvas's SVG export maps glyphs back to characters and drops
 * those it cannot (digits after "¥", for one), and as outlines every label
 * cost kilobytes. Each call is placed with the canvas's transform, anchor and
 * baseline (the baseline shift measured by the canvas), in the font
 * embedded by embedChartFont.
 */
export function captureText(ctx: SKRSContext2D): Set<string> {
  const texts = new Set<string>(); // chart.js draws some labels twice in the same place: once is enough
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    if (!text.trim()) return;
    const baseline = ctx.textBaseline;
    const shift = baseline === 'alphabetic' ? 0 : baselineShift(ctx, text);
    const m = ctx.getTransform();
    const size = /(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? '12';
    const bold = /\b(bold|[6-9]00)\b/.test(ctx.font);
    const anchor = ANCHOR[ctx.textAlign];
    // A canvas squeezes text wider than maxWidth; so does textLength.
    const squeeze =
      maxWidth !== undefined && ctx.measureText(text).width > maxWidth
        ? ` textLength="${maxWidth}" lengthAdjust="spacingAndGlyphs"`
        : '';
    texts.add(
      `<text ${svgColour(ctx.fillStyle, ctx.globalAlpha)}${m.isIdentity ? '' : ` transform="matrix(${m.a} ${m.b} ${m.c} ${m.d} ${m.e} ${m.f})"`} x="${x}" y="${y + shift}" font-size="${size}"${bold ? ' font-weight="700"' : ''}${anchor ? ` text-anchor="${anchor}"` : ''}${squeeze} font-family="AIF Sans">${escapeText(text)}</text>`,
    );
  };
  return texts;
}

/**
 * SVG canvases by size, reused: getContent() hands over what was drawn and
 * starts the canvas afresh. A fresh canvas per drawing kept its native memory
 * (invisible to V8) until a collection came, hundreds of MB in a busy worker.
 */
const svgCanvases = new Map<string, SvgCanvas>();

function drawSvg(config: ChartConfig, size: Size): string {
  registerChartFonts();
  const key = `${size.width}x${size.height}`;
  const canvas = svgCanvases.get(key) ?? createCanvas(size.width, size.height, SvgExportFlag.NoPrettyXML);
  svgCanvases.set(key, canvas);
  const ctx = canvas.getContext('2d');
  // Whatever state the last drawing left (transform, clip, styles) goes.
  ctx.reset();
  canvas.getContent();
  const texts = captureText(ctx);
  const chart = drawOn(ctx, config, size, 1);
  const svg = canvas
    .getContent()
    .toString('utf8')
    .replace(/<\/svg>\s*$/, `${[...texts].join('')}</svg>`);
  chart.destroy();
  return svg;
}

/** Light colour → dark colour for every colour the two themes' configs use (lower-case), unless a light colour has two dark ones. */
function paletteSwaps(): Map<string, string> | undefined {
  const l = THEMES.light;
  const d = THEMES.dark;
  const pairs: Array<[string, string]> = [
    [l.background, d.background],
    [l.text, d.text],
    [l.muted, d.muted],
    [l.grid, d.grid],
    [l.other, d.other],
    ...l.series.map((c, i) => [c, d.series[i % d.series.length]!] as [string, string]),
  ];
  const map = new Map<string, string>();
  for (const [a, b] of pairs) {
    const [from, to] = [a.toLowerCase(), b.toLowerCase()];
    if (map.has(from) && map.get(from) !== to) return undefined;
    map.set(from, to);
  }
  return map;
}
const palette = paletteSwaps();

/** One layout of a chart: its configs in both themes and its size. */
export interface ChartLayout {
  configs: { light: ChartConfig; dark: ChartConfig };
  size: Size;
}

/** One layout drawn for both themes; `prefix` keeps its class names and ids apart from the other layout's. */
function themedSvg({ configs, size }: ChartLayout, prefix: string): string {
  const bg = { light: THEMES.light.background, dark: THEMES.dark.background };
  const light = drawSvg(configs.light, size);
  return (
    (palette && themeByPalette(light, size, palette, bg, prefix)) ??
    mergeThemes(light, drawSvg(configs.dark, size), size, bg, prefix)
  );
}

/** The words that make a chart's file stand alone: title, subtitle (unit, period, log scale), source and site. */
export interface ChartFrame {
  title: string;
  subtitle: string;
  source: string;
  site: string;
}

/** Lines of at most `width` px in `font`, broken at spaces (a word longer than the line gets one of its own). */
function wrapText(ctx: SKRSContext2D, text: string, font: string, width: number): string[] {
  ctx.font = font;
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && ctx.measureText(`${last} ${word}`).width <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const FRAME_MARGIN = 16;

/** The frame's lines laid out for a drawing `width` wide: title and subtitle above it, source and site below. */
function frameLayout(frame: ChartFrame, { width, height }: Size): SvgFrame {
  registerChartFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  const room = width - 2 * FRAME_MARGIN;
  const lines: FrameLine[] = [];
  let y = 0;
  const block = (text: string, size: number, bold: boolean, colour: FrameLine['colour']) => {
    for (const line of wrapText(ctx, text, `${bold ? '700 ' : ''}${size}px "AIF Sans"`, room)) {
      y += Math.round(size * 1.35);
      lines.push({ text: line, x: FRAME_MARGIN, y, size, ...(bold ? { bold } : {}), colour });
    }
  };
  y = FRAME_MARGIN - 4;
  block(frame.title, 18, true, 'text');
  block(frame.subtitle, 13, false, 'muted');
  const top = y + 10;
  for (const l of lines) l.y -= top;
  y = height + 4;
  if (frame.source) block(`Source: ${frame.source}`, 12, false, 'muted');
  block(frame.site, 12, true, 'muted');
  return { top, bottom: y - height + FRAME_MARGIN - 2, lines, colours: { light: THEMES.light, dark: THEMES.dark } };
}

/**
 * The chart as one SVG for pages and downloads: the light drawing with the dark colours
 * applied by `prefers-color-scheme` inside the file (from the palette; the
 * dark theme is drawn too only when the drawing has a colour the palette
 * does not map), text as <text> in the shipped font cut down to the chart's
 * characters and embedded. Vector, so it stays sharp at any density. Pages
 * show the wide layout by the view WIDE_VIEW and the phone layout beside it
 * by NARROW_VIEW (config.ts: PAGE_LAYOUTS), so they share one embedded font
 * and one download; the
 * file opened on its own (the SVG download) shows the wide layout with the
 * frame's title, subtitle, source and site around it.
 */
export function renderChartSvg(layouts: { wide: ChartLayout; narrow: ChartLayout }, frame: ChartFrame): string {
  const plot = withViews(themedSvg(layouts.wide, ''), [{ svg: themedSvg(layouts.narrow, 'n'), id: NARROW_VIEW }]);
  return embedChartFont(withFrame(plot, frameLayout(frame, layouts.wide.size), WIDE_VIEW));
}

/** Canvases by size, reused: native canvas memory is invisible to V8's GC, so fresh canvases per chart piled up to GBs. */
const canvases = new Map<string, { chart: Canvas; page: Canvas }>();

/**
 * The subscriber drawing as a PNG (for feeds and email, where SVG is not shown) at PIXEL_RATIO, on a
 * card: the theme's page colour inside a border of a mid grey that reads against a white message
 * and against the dark one a mail app's forced dark mode makes of it, so the light image sits
 * there as a framed figure, not a glaring box. Call one at a time per thread (canvases are reused).
 */
export async function renderChartPng(config: ChartConfig, size: Size): Promise<Buffer> {
  registerChartFonts();
  const key = `${size.width}x${size.height}`;
  let pair = canvases.get(key);
  if (!pair) {
    const pixels = pngPixels(size);
    pair = { chart: createCanvas(pixels.width, pixels.height), page: createCanvas(pixels.width, pixels.height) };
    canvases.set(key, pair);
  }
  // At its logical size, which chart.js scales by the pixel ratio as it first draws: at the full size it
  // would take that as logical, draw at PIXEL_RATIO² the pixels, then resize and draw again.
  pair.chart.width = size.width;
  pair.chart.height = size.height;
  const ctx = pair.chart.getContext('2d');
  const chart = drawOn(ctx, config, size, PIXEL_RATIO);
  // chart.js clears its canvas, so the card goes underneath afterwards.
  const pageCtx = pair.page.getContext('2d');
  const { width, height } = pair.page;
  const t = THEMES[config.aif.theme];
  pageCtx.fillStyle = CARD_BORDER;
  pageCtx.fillRect(0, 0, width, height);
  pageCtx.fillStyle = t.background;
  pageCtx.fillRect(CARD_EDGE, CARD_EDGE, width - 2 * CARD_EDGE, height - 2 * CARD_EDGE);
  pageCtx.drawImage(pair.chart, 0, 0);
  chart.destroy();
  // A palette PNG: flat colours plus anti-aliased edges, about a third of the full-colour file; 16 colours
  // when the chart's few colours leave only edge pixels outside them (images/palette-png.ts).
  return (
    palettePng(pageCtx.getImageData(0, 0, width, height).data, width, height, { colours: 'fit' }) ??
    pair.page.encode('png')
  );
}

/** The subscriber card's border: a grey between the light and dark pages (4.4:1 against white, 3.9:1 against #1e1e1e). */
export const CARD_BORDER = THEMES.light.other;
/** In CSS px; the chart's own padding (8 px) keeps every mark inside it. */
export const CARD_BORDER_WIDTH = 1;
/** The border in the PNG's pixels: whole pixels, so its inner edge is sharp. */
export const CARD_EDGE = Math.round(CARD_BORDER_WIDTH * PIXEL_RATIO);

/** The subscriber PNG's size in pixels for a drawing's logical size. */
export function pngPixels(size: Size): Size {
  return { width: Math.round(size.width * PIXEL_RATIO), height: Math.round(size.height * PIXEL_RATIO) };
}
