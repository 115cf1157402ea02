/**
 * The live chart draws with the same font as the static image (Noto Sans SC,
 * "AIF Sans"), served as small WOFF2 subsets: one shared file per weight with
 * ASCII text, digits and the column's symbols (cached by browsers across
 * pages), and, only when a chart's labels need them, one more per weight with
 * just its other characters (豆包, 火山引擎), declared with their unicode-range
 * so the two act as one font. Files are cached by content like chart images.
 *
 * Cut by the same subsetter and WOFF 2 writer as the fonts embedded in chart
 * SVGs (ttf-subset.ts, woff2.ts), with the font's kerning kept, since the
 * browser lays this text out itself: canvas text measures and draws as with
 * the whole font. The shared Latin file is 8.5 KB (25.7 KB as HarfBuzz's
 * subsetter cut it, with the layout tables of glyphs no chart draws).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFont, subsetFont, type ParsedFont } from './ttf-subset.ts';
import { woff2 } from './woff2.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';
import { chartFontPaths } from './chart-fonts.ts';

/** Printable ASCII and the symbols numbers are written with; anything else a chart needs goes in its extra file. */
export const BASE_CHARACTERS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s + '\u00a0¥€£×−–—…·’‘“”';
})();

export interface WebFontFace {
  url: string;
  weight: 400 | 700;
  /** CSS unicode-range for the chart's extra characters; absent on the shared base file. */
  unicodeRange?: string;
}

/** Each weight's font, read and parsed once per process. */
const fonts = new Map<string, ParsedFont>();
function font(path: string): ParsedFont {
  let f = fonts.get(path);
  if (!f) fonts.set(path, (f = parseFont(readFileSync(path))));
  return f;
}

/** Changes when the files this module writes would change for the same characters (part of their names). */
const PIPELINE = 'ttf-subset+kern';

/** Characters of `texts` that the shared base file lacks, sorted and unique. */
export function extraCharacters(texts: readonly string[]): string[] {
  const base = new Set(BASE_CHARACTERS);
  return [...new Set([...texts.join('')])].filter((c) => !base.has(c) && c.trim() !== '').sort();
}

/** A CSS unicode-range listing exactly these characters: "U+5305,U+8C46". */
export function unicodeRange(chars: readonly string[]): string {
  return chars.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(',');
}

/**
 * The web font faces a chart with these texts needs (URLs under `urlPrefix`), their files written to
 * `cacheDir` when missing (2–10 ms a file, once per set of characters). Synchronous, so pages render
 * their charts in order (an await here let a later chart finish first and take the chart script's one
 * tag, so the same page came out differently from build to build).
 */
export function chartWebFonts(
  texts: readonly string[],
  cacheDir: string,
  urlPrefix: string,
  fontHash: string,
): { faces: WebFontFace[] } {
  const paths = chartFontPaths();
  const extra = extraCharacters(texts);
  mkdirSync(cacheDir, { recursive: true });
  const faces: WebFontFace[] = [];
  for (const [weight, path] of [
    [400, paths.regular],
    [700, paths.bold],
  ] as const) {
    for (const chars of extra.length > 0 ? [BASE_CHARACTERS, extra.join('')] : [BASE_CHARACTERS]) {
      const hash = createHash('sha256')
        .update(JSON.stringify([PIPELINE, fontHash, weight, chars]))
        .digest('hex')
        .slice(0, 16);
      const file = `chart-${hash}.woff2`;
      const out = join(cacheDir, file);
      if (!existsSync(out)) writeFileAtomic(out, woff2(subsetFont(font(path), [chars], { kerning: true })));
      faces.push({
        url: `${urlPrefix}${file}`,
        weight,
        ...(chars === BASE_CHARACTERS ? {} : { unicodeRange: unicodeRange(extra) }),
      });
    }
  }
  return { faces };
}
