import { readFileSync } from 'node:fs';
import { parseFont, subsetFont, type ParsedFont } from './ttf-subset.ts';
import { woff2 } from './woff2.ts';
import { unescapeXml } from '../html/escape.ts';
import { chartFontPaths } from './chart-fonts.ts';

/**
 * The chart's text stays <text> (small, sharp, selectable in the file), in
 * the shipped font: the glyphs the chart uses are embedded in the SVG as a
 * cut-down font in a data: URI (an SVG shown by <img> may load nothing else),
 * one per weight, as WOFF 2 (fonts/woff2.ts). CJK labels need no font on the reader's machine. Every
 * text element's glyph positions are fixed by the drawing (x="…" per
 * character), so the browser places each glyph where the canvas measured it.
 */
const FAMILY = 'AIF Sans';
const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;

const fonts = new Map<'regular' | 'bold', ParsedFont>();
function font(weight: 'regular' | 'bold'): ParsedFont {
  let f = fonts.get(weight);
  if (!f) fonts.set(weight, (f = parseFont(readFileSync(chartFontPaths()[weight]))));
  return f;
}

const subsets = new Map<string, string>();
function subsetUri(weight: 'regular' | 'bold', chars: string): string {
  const key = `${weight}:${chars}`;
  let uri = subsets.get(key);
  if (!uri) {
    uri = `data:font/woff2;base64,${woff2(subsetFont(font(weight), [chars])).toString('base64')}`;
    if (subsets.size > 500) subsets.clear();
    subsets.set(key, uri);
  }
  return uri;
}

/** A text element's weight as drawn: bold from 600 up. */
function weightOf(attrs: string): 'regular' | 'bold' {
  const w = /\bfont-weight="([^"]*)"/.exec(attrs)?.[1];
  return w && (w === 'bold' || Number(w) >= 600) ? 'bold' : 'regular';
}

/**
 * Embed the fonts an SVG drawing's text needs and point its text at them
 * (any font-family the drawing named becomes the embedded one). An SVG with
 * no text is returned unchanged.
 */
export function embedChartFont(svg: string): string {
  const chars = { regular: new Set<string>(), bold: new Set<string>() };
  for (const m of svg.matchAll(TEXT)) for (const c of unescapeXml(m[2]!)) chars[weightOf(m[1]!)].add(c);
  const faces = (['regular', 'bold'] as const)
    .filter((w) => chars[w].size > 0)
    .map(
      (w) =>
        `@font-face{font-family:"${FAMILY}";font-weight:${w === 'bold' ? '600 900' : '100 599'};src:url(${subsetUri(w, [...chars[w]].sort().join(''))})}`,
    );
  if (faces.length === 0) return svg;
  return svg
    .replace(/\bfont-family="[^"]*"/g, `font-family="${FAMILY}"`)
    .replace(/(<svg\b[^>]*>)/, `$1<style>${faces.join('')}</style>`);
}
