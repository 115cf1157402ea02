/**
 * One SVG file that serves both themes: the light drawing plus a
 * `prefers-color-scheme: dark` style that swaps each colour that differs.
 * The themes differ only in colour, so the dark colours come from the
 * palette (light colour → dark colour), and only when a drawing has a colour
 * the palette does not know is the chart drawn a second time, in the dark
 * theme, and the two merged element by element. Text is <text> in the
 * shipped font, embedded in the file (svg-font.ts), so the file looks the
 * same on every machine, CJK included. A chart's two layouts (wide, and
 * narrow and small for phones) share one file: withViews puts the others beside the
 * first, shown by a view. Pure string work.
 */
import { escapeText } from '../html/escape.ts';

export interface SvgBackgrounds {
  light: string;
  dark: string;
}

/** An element: a text element with its characters (the drawing's text is <text>), or any other tag. */
const TAG = /<text\b[^>]*>[^<]*<\/text>|<[^>]+>/g;
/** chart.js sometimes draws an empty run. */
const EMPTY_TEXT = /^<text\b[^>]*><\/text>$/;
const COLOR_ATTR = /\b(fill|stroke|stop-color)="(#[0-9A-Fa-f]{3,8})"/g;
const CLIP_ID = /\bcl_[0-9a-f]+\b/g;
/** Coordinates to 0.1 px: a tenth of a CSS pixel is below what a screen shows, and it halves the file. Transforms keep 3 decimals (rotations need them). */
const GEOMETRY_ATTR = /\b(d|x|y|width|height|points)="([^"]*)"/g;
const TRANSFORM_ATTR = /\btransform="([^"]*)"/g;

/** Cut decimals after `digits` (a regex pass, no per-number parsing: this runs over every path of every chart). */
function roundNumbers(text: string, digits: number): string {
  return text.replace(digits === 1 ? /(\.\d)\d+/g : /(\.\d{3})\d+/g, '$1').replace(/\.0+(?!\d)/g, '');
}

/** The drawing's elements, with coordinates rounded, ids numbered in order, and the XML prolog and root element dropped. */
function normalise(svg: string, prefix: string): string[] {
  const body = svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/^\s*<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '');
  const ids = new Map<string, string>();
  const renumbered = body.replace(CLIP_ID, (id) => {
    if (!ids.has(id)) ids.set(id, `${prefix}${ids.size}`);
    return ids.get(id)!;
  });
  const rounded = renumbered
    .replace(
      GEOMETRY_ATTR,
      (_m, name: string, value: string) => `${name}="${roundNumbers(value, 1).replace(/,\s*/g, ' ').trim()}"`,
    )
    .replace(TRANSFORM_ATTR, (_m, value: string) => `transform="${roundNumbers(value, 3)}"`)
    .replace(TRANSLATED_TEXT, foldTranslation);
  return (rounded.match(TAG) ?? []).filter((t) => !EMPTY_TEXT.test(t));
}

/** A text element placed by a pure translation (chart.js's labels): `transform="matrix(1 0 0 1 tx ty)" x="x" y="y"`. */
const TRANSLATED_TEXT =
  /<text\b([^>]*?) transform="matrix\(1 0 0 1 (-?[\d.]+) (-?[\d.]+)\)" x="(-?[\d.]+)" y="(-?[\d.]+)"/g;

/** The translation added into x and y: the same position (to the thousandth of a pixel) in a third of the characters. */
function foldTranslation(_m: string, before: string, tx: string, ty: string, x: string, y: string): string {
  const sum = (a: string, b: string) => String(Math.round((Number(a) + Number(b)) * 1000) / 1000);
  return `<text${before} x="${sum(tx, x)}" y="${sum(ty, y)}"`;
}

/** The font attributes every text element repeats: the most common value of each moves to the root element, which they inherit from. */
const TEXT_FONT_ATTR = /\s(font-family|font-size)="([^"]*)"/g;

/**
 * The groups' elements with the font attribute values their text elements repeat most (each used more
 * than once) left off, and those values as attributes for the root element, which the text inherits from.
 */
function hoistTextFonts(...groups: string[][]): { rootAttrs: string; groups: string[][] } {
  const openingOf = (tag: string) => (tag.startsWith('<text') ? tag.slice(0, tag.indexOf('>')) : '');
  const counts = new Map<string, number>();
  for (const tag of groups.flat())
    for (const m of openingOf(tag).matchAll(TEXT_FONT_ATTR)) {
      const key = `${m[1]}="${m[2]}"`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const hoisted = new Map<string, string>();
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const name = key.slice(0, key.indexOf('='));
    if (!hoisted.has(name) && n > 1) hoisted.set(name, key);
  }
  const strip = (tag: string) => {
    const head = openingOf(tag);
    if (!head || hoisted.size === 0) return tag;
    const rest = head.replace(TEXT_FONT_ATTR, (m, name: string, value: string) =>
      hoisted.get(name) === `${name}="${value}"` ? '' : m,
    );
    return rest + tag.slice(head.length);
  };
  return {
    rootAttrs: [...hoisted.values()].map((a) => ` ${a}`).join(''),
    groups: groups.map((g) => g.map(strip)),
  };
}

/**
 * A text element's own attributes, which stay on it in a group: its position, and its weight
 * (embedChartFont picks the embedded face by the weight it reads on the element).
 */
const OWN_TEXT_ATTR = /\s(x|y|font-weight)="[^"]*"/g;
/**
 * Attributes a <g> can carry for its text elements, because they inherit them. A class qualifies:
 * the dark-theme classes set only fill and stroke, which are inherited too.
 */
const INHERITED_ATTR = new Set([
  'class',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'text-anchor',
  'font-family',
  'font-size',
  'font-style',
  'letter-spacing',
]);

/** A text element's attributes other than its own (position and weight); undefined for other elements. */
function sharedTextAttrs(tag: string): string | undefined {
  if (!tag.startsWith('<text')) return undefined;
  const attrs = tag.slice(5, tag.indexOf('>')).replace(OWN_TEXT_ATTR, '');
  return [...attrs.matchAll(/\s([\w-]+)="/g)].every((m) => INHERITED_ATTR.has(m[1]!)) ? attrs : undefined;
}

/**
 * Each run of two or more text elements with the same attributes but position and weight (an axis's
 * labels, a chart's value labels) as a <g> carrying those attributes once, its text elements only their
 * own: the labels inherit the rest, drawn the same, in a file a tenth smaller.
 */
function groupTextRuns(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length;) {
    const shared = sharedTextAttrs(tags[i]!);
    let j = i + 1;
    if (shared) while (j < tags.length && sharedTextAttrs(tags[j]!) === shared) j++;
    if (!shared || j - i < 2) out.push(...tags.slice(i, j));
    else {
      const own = (tag: string) =>
        `<text${[...tag.slice(5, tag.indexOf('>')).matchAll(OWN_TEXT_ATTR)].map((m) => m[0]).join('')}${tag.slice(tag.indexOf('>'))}`;
      out.push(`<g${shared}>`, ...tags.slice(i, j).map(own), '</g>');
    }
    i = j;
  }
  return out;
}

/** What the canvas writes for clearRect: a transparent rectangle, which draws nothing. */
const CLEARED = /^<rect fill-opacity="0" width="[\d.]+" height="[\d.]+"\/>$/;
const PATH = /^<path (.*) d="([^"]*)"\/>$/;

/**
 * The elements without the canvas's invisible clearRect rectangles, and each
 * run of stroked, unfilled paths with the same attributes (grid lines, ticks)
 * as one path of several subpaths: fewer, shorter elements, drawn within one level of the same.
 * Filled paths stay apart, where joining could change what the fill rule covers.
 */
function compact(tags: readonly string[]): string[] {
  const out: string[] = [];
  let run: string | undefined;
  for (const tag of tags) {
    if (CLEARED.test(tag)) continue;
    const m = PATH.exec(tag);
    const key = m && /(?:^| )fill="none"/.test(m[1]!) ? m[1] : undefined;
    if (key !== undefined && key === run) out[out.length - 1] = out[out.length - 1]!.replace(/"\/>$/, `${m![2]}"/>`);
    else out.push(tag);
    run = key;
  }
  return out;
}

function colours(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(COLOR_ATTR)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/** Dark-theme swaps as CSS classes: `k0`, `k1`… (after the drawing's prefix) one per (property, light colour, dark colour). */
class Swaps {
  private readonly classes = new Map<string, string>();
  private readonly prefix: string;
  constructor(prefix: string) {
    this.prefix = prefix;
  }
  classFor(prop: string, from: string, to: string): string {
    const key = `${prop}:${from}>${to}`;
    if (!this.classes.has(key)) this.classes.set(key, `${this.prefix}k${this.classes.size}`);
    return this.classes.get(key)!;
  }
  rules(): string {
    return [...this.classes]
      .map(([key, cls]) => `.${cls}{${key.slice(0, key.indexOf(':'))}:${key.slice(key.indexOf('>') + 1)}}`)
      .join('');
  }
}

/** The root element opening() writes, read back by withViews: its size and the attributes after them. */
const ROOT =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 [\d.]+ [\d.]+"([^>]*)>/;

function opening(size: { width: number; height: number }, rootAttrs: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}"${rootAttrs}>`;
}

/** The file for one drawing serving both themes: its dark colours as classes under prefers-color-scheme, its elements compacted. */
function oneDrawing(size: { width: number; height: number }, swaps: Swaps, background: string, tags: string[]): string {
  const {
    rootAttrs,
    groups: [body],
  } = hoistTextFonts(compact(tags));
  return `${opening(size, rootAttrs)}<style>@media (prefers-color-scheme:dark){${swaps.rules()}}</style>${background}${groupTextRuns(body!).join('')}</svg>`;
}

function backgroundRect(size: { width: number; height: number }, bg: SvgBackgrounds, swaps: Swaps): string {
  return `<rect width="${size.width}" height="${size.height}" fill="${bg.light}" class="${swaps.classFor('fill', bg.light.toLowerCase(), bg.dark.toLowerCase())}"/>`;
}

function withClasses(tag: string, classes: string[]): string {
  return classes.length ? tag.replace(/^<(\w+)/, `<$1 class="${classes.join(' ')}"`) : tag;
}

/**
 * One SVG for both themes from the light drawing alone, when every colour in
 * it has a known dark counterpart (`palette`: light → dark, lower-case
 * `#rrggbb`); undefined when one does not (draw the dark theme and use
 * `mergeThemes`). `prefix` starts its class names and ids, so that two
 * drawings can share a file (withViews).
 */
export function themeByPalette(
  light: string,
  size: { width: number; height: number },
  palette: ReadonlyMap<string, string>,
  bg: SvgBackgrounds,
  prefix = '',
): string | undefined {
  const swaps = new Swaps(prefix);
  const background = backgroundRect(size, bg, swaps);
  const out: string[] = [];
  for (const tag of normalise(light, `${prefix}c`)) {
    const classes: string[] = [];
    for (const [prop, c] of colours(tag)) {
      const dark = palette.get(c);
      if (dark === undefined) return undefined;
      if (dark !== c) classes.push(swaps.classFor(prop, c, dark));
    }
    out.push(withClasses(tag, classes));
  }
  return oneDrawing(size, swaps, background, out);
}

/**
 * Merge a light and a dark drawing of the same chart into one SVG of
 * `width`×`height` (scalable: it has a viewBox). When the two drawings do not
 * line up element for element, both are kept and the style shows one.
 * `prefix` as for themeByPalette.
 */
export function mergeThemes(
  light: string,
  dark: string,
  size: { width: number; height: number },
  bg: SvgBackgrounds,
  prefix = '',
): string {
  const l = normalise(light, `${prefix}c`);
  const d = normalise(dark, `${prefix}c`);
  const swaps = new Swaps(prefix);
  const background = backgroundRect(size, bg, swaps);
  const merged: string[] = [];
  let aligned = l.length === d.length;
  for (let i = 0; aligned && i < l.length; i++) {
    const a = l[i]!;
    const b = d[i]!;
    if (a === b) {
      merged.push(a);
      continue;
    }
    if (a.replace(COLOR_ATTR, '$1') !== b.replace(COLOR_ATTR, '$1')) {
      aligned = false;
      break;
    }
    const dc = colours(b);
    const classes = [...colours(a)]
      .filter(([prop, c]) => dc.get(prop) !== c)
      .map(([prop, c]) => swaps.classFor(prop, c, dc.get(prop)!));
    merged.push(withClasses(a, classes));
  }
  if (aligned) return oneDrawing(size, swaps, background, merged);
  // Fallback: both drawings, one shown.
  const dd = normalise(dark, `${prefix}d`);
  const {
    rootAttrs,
    groups: [lt, dk],
  } = hoistTextFonts(l, dd);
  return `${opening(size, rootAttrs)}<style>.dk{display:none}@media (prefers-color-scheme:dark){.lt{display:none}.dk{display:inline}${swaps.rules()}}</style>${background}<g class="lt">${groupTextRuns(lt!).join('')}</g><g class="dk">${groupTextRuns(dk!).join('')}</g></svg>`;
}

/** Space between the two drawings of a file, so that neither view ever shows an edge of the other. */
const VIEW_GAP = 20;

/**
 * Drawings in one file (one font to embed, one file to fetch and cache):
 * `base` as the file shows it, and each of `others` beside it, outside the
 * file's viewBox, one after another, each shown by its view (`file.svg#id`).
 * Each is a file from themeByPalette or mergeThemes, made with its own
 * prefix so that their class names and ids do not meet.
 */
export function withViews(base: string, others: ReadonlyArray<{ svg: string; id: string }>): string {
  const outer = ROOT.exec(base);
  if (!outer) throw new Error('withViews: the drawings need the root element themeByPalette writes');
  let x = Number(outer[1]);
  const nested = others.map(({ svg, id }) => {
    const inner = ROOT.exec(svg);
    if (!inner) throw new Error('withViews: the drawings need the root element themeByPalette writes');
    const [, width, height, attrs] = inner;
    x += VIEW_GAP;
    const at = x;
    x += Number(width);
    return `<view id="${id}" viewBox="${at} 0 ${width} ${height}"/><svg x="${at}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${attrs}>${svg.slice(inner[0].length)}`;
  });
  return base.replace(/<\/svg>$/, `${nested.join('')}</svg>`);
}

/** A line of text around a standalone chart: its place, size, weight and colour (the theme's text or muted colour). */
export interface FrameLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  colour: 'text' | 'muted';
}

/** The words around a chart in its file: lines above the drawing (negative y) and below it. */
export interface SvgFrame {
  /** Room above the drawing and below it, in px. */
  top: number;
  bottom: number;
  lines: FrameLine[];
  /** The two themes' page, text and muted colours. */
  colours: Record<'light' | 'dark', { background: string; text: string; muted: string }>;
}

/**
 * The file opened on its own (a download) shows its drawing with `frame` around it: title and subtitle
 * above, source and site below, on the page colour, both themes. The drawing keeps its coordinates
 * (the frame's lines sit above it at negative y), so the views of the file, the drawing alone (`id`)
 * for pages and the other views beside it (withViews), are unchanged.
 */
export function withFrame(base: string, frame: SvgFrame, id: string): string {
  const root = ROOT.exec(base);
  if (!root) throw new Error('withFrame: the drawing needs the root element themeByPalette writes');
  const [, width, height, attrs] = root;
  const total = frame.top + Number(height) + frame.bottom;
  const { light, dark } = frame.colours;
  const classes = { background: 'fb', text: 'ft', muted: 'fm' } as const;
  const style = `<style>@media (prefers-color-scheme:dark){.fb{fill:${dark.background}}.ft{fill:${dark.text}}.fm{fill:${dark.muted}}}</style>`;
  const lines = frame.lines.map(
    (l) =>
      `<text class="${classes[l.colour]}" fill="${light[l.colour]}" x="${l.x}" y="${l.y}" font-size="${l.size}"${l.bold ? ' font-weight="700"' : ''}>${escapeText(l.text)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 ${-frame.top} ${width} ${total}"${attrs}>` +
    `<view id="${id}" viewBox="0 0 ${width} ${height}"/>${style}` +
    `<rect class="fb" fill="${light.background}" y="${-frame.top}" width="${width}" height="${total}"/><g font-family="AIF Sans">${lines.join('')}</g>` +
    base.slice(root[0].length)
  );
}
