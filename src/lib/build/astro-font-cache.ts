/**
 * Astro keeps the font files it publishes (astro.config.mjs `fonts`) in its cache folder,
 * `.cache/astro/fonts/`, and uses whatever it finds there: after a build that ran out of disk, two
 * 0-byte `.woff2` files were published as the site's fonts by the next build, and a 10-byte one
 * stopped it with "Offset is outside the bounds of the DataView" and no hint. Astro has no check of
 * its own, so `scripts/build.ts` checks around `astro build`:
 *
 * - before: every font file there must be a whole font and match the log the last successful build
 *   wrote (verified-cache.ts); any other is deleted, and Astro makes it again (it copies a local font,
 *   fetches a remote one). Files that differ from their line are reported;
 * - after: the folder's log is written afresh from the whole fonts there.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { checkCacheFile, DIGEST_LOG, logLine } from './verified-cache.ts';

const FONT_FILE = /\.(?:woff2?|ttf|otf)$/i;

/**
 * Whether `bytes` can be a whole font file: a WOFF or WOFF 2 header whose length field is the file's
 * size, or an OpenType/TrueType table directory whose tables all lie inside the file.
 */
export function isWholeFont(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === 'wOFF' || tag === 'wOF2') return bytes.length >= 48 && view.getUint32(8) === bytes.length;
  if (tag === 'ttcf') return bytes.length >= 16;
  if (view.getUint32(0) !== 0x00010000 && tag !== 'OTTO' && tag !== 'true') return false;
  const tables = view.getUint16(4);
  if (tables === 0 || 12 + 16 * tables > bytes.length) return false;
  for (let i = 0; i < tables; i++) {
    const offset = view.getUint32(12 + 16 * i + 8);
    const length = view.getUint32(12 + 16 * i + 12);
    if (offset + length > bytes.length) return false;
  }
  return true;
}

function fontFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => FONT_FILE.test(f))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Delete every font file in `dir` that is not a whole font as logged; returns those that differed from their log line. */
export function checkFontCache(dir: string): string[] {
  const rejected: string[] = [];
  for (const file of fontFiles(dir)) {
    const state = checkCacheFile(file);
    if (state === 'ok' && isWholeFont(readFileSync(file))) continue;
    rmSync(file, { force: true });
    if (state === 'corrupt') rejected.push(file);
  }
  return rejected;
}

/** Write the log of `dir` afresh from the whole fonts in it (after a successful build); a font file that is not whole is deleted. */
export function recordFontCache(dir: string): void {
  const lines: string[] = [];
  const files = fontFiles(dir);
  if (files.length === 0) return;
  for (const file of files) {
    const bytes = readFileSync(file);
    if (!isWholeFont(bytes)) {
      rmSync(file, { force: true });
      continue;
    }
    lines.push(logLine(file.slice(dir.length + 1), bytes));
  }
  writeFileAtomic(join(dir, DIGEST_LOG), lines.join(''));
}
