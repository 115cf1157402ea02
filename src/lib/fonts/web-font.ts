/**
 * The live chart draws with the same font as the static image (Noto Sans SC,
 * "AIF Sans"), served as small WOFF2 subsets: one shared file per weight with
 * ASCII text, digits and the column's symbols (cached by browsers across
 * pages), and, only when a chart's labels need them, one more per weight with
 * just its other characters (豆包, 火山引擎), declared with their unicode-range
 * so the two act as one font. Files are cached by content like chart images.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { reuseCacheFile, writeCacheFile } from '../build/verified-cache.ts';
import { scheduleWrite } from '../build/pending-writes.ts';
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

const fontBuffers = new Map<string, Buffer>();
function fontBuffer(path: string): Buffer {
  let b = fontBuffers.get(path);
  if (!b) fontBuffers.set(path, (b = readFileSync(path)));
  return b;
}

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
 * The web font faces a chart with these texts needs (URLs under `urlPrefix`), at once; missing files are
 * cut in the background like chart images, and `done` resolves when they are written. Nothing for the
 * page to wait for, so pages render their charts in order (an await here let a later chart finish first
 * and take the chart script's one tag, so the same page came out differently from build to build).
 */
export function chartWebFonts(
  texts: readonly string[],
  cacheDir: string,
  urlPrefix: string,
  fontHash: string,
): { faces: WebFontFace[]; done: Promise<void> } {
  const paths = chartFontPaths();
  const extra = extraCharacters(texts);
  mkdirSync(cacheDir, { recursive: true });
  const faces: WebFontFace[] = [];
  const writes: Array<Promise<void>> = [];
  for (const [weight, path] of [
    [400, paths.regular],
    [700, paths.bold],
  ] as const) {
    for (const chars of extra.length > 0 ? [BASE_CHARACTERS, extra.join('')] : [BASE_CHARACTERS]) {
      const hash = createHash('sha256')
        .update(JSON.stringify([fontHash, weight, chars]))
        .digest('hex')
        .slice(0, 16);
      const file = `chart-${hash}.woff2`;
      const out = join(cacheDir, file);
      if (!reuseCacheFile(out))
        writes.push(
          scheduleWrite(out, async () =>
            writeCacheFile(out, await subsetFont(fontBuffer(path), chars, { targetFormat: 'woff2' })),
          ),
        );
      faces.push({
        url: `${urlPrefix}${file}`,
        weight,
        ...(chars === BASE_CHARACTERS ? {} : { unicodeRange: unicodeRange(extra) }),
      });
    }
  }
  return { faces, done: Promise.all(writes).then(() => undefined) };
}
