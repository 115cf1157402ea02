import { beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFontCache, isWholeFont, recordFontCache } from '../../../src/lib/build/astro-font-cache.ts';
import { forgetVerified } from '../../../src/lib/build/verified-cache.ts';
import { chartFontPaths } from '../../../src/lib/fonts/chart-fonts.ts';

const require = createRequire(import.meta.url);
const files = '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal';
const woff2 = readFileSync(require.resolve(`${files}.woff2`));
const woff = readFileSync(require.resolve(`${files}.woff`));
const ttf = readFileSync(chartFontPaths().regular);

beforeEach(() => forgetVerified());

describe('Astro font cache', () => {
  it('tells whole WOFF 2, WOFF and TrueType files from cut, empty and garbage ones', () => {
    for (const font of [woff2, woff, ttf]) {
      expect(isWholeFont(font)).toBe(true);
      // Cut short (a TrueType file may end in up to 3 bytes of padding, so cut more than that).
      expect(isWholeFont(font.subarray(0, font.length - 100))).toBe(false);
      expect(isWholeFont(font.subarray(0, 10))).toBe(false);
    }
    expect(isWholeFont(Buffer.alloc(0))).toBe(false);
    expect(isWholeFont(Buffer.alloc(20_000, 0x41))).toBe(false);
    // A TrueType directory whose last table runs past the end of the file.
    expect(isWholeFont(ttf.subarray(0, 4096))).toBe(false);
  });

  it('keeps fonts as the last build logged them; deletes cut, empty, garbage and edited ones (reporting those it had logged) and unlogged ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-astro-fonts-'));
    const names = ['kept.woff2', 'cut.woff2', 'empty.woff2', 'garbage.woff2', 'edited.woff2'];
    for (const n of names) writeFileSync(join(dir, n), woff2);
    writeFileSync(join(dir, 'metadata.json'), '{"not":"a font"}');
    recordFontCache(dir);
    writeFileSync(join(dir, 'cut.woff2'), woff2.subarray(0, 10));
    writeFileSync(join(dir, 'empty.woff2'), '');
    writeFileSync(join(dir, 'garbage.woff2'), Buffer.alloc(woff2.length, 0x5a));
    const edited = Buffer.from(woff2);
    edited[edited.length - 5]! ^= 0xff;
    writeFileSync(join(dir, 'edited.woff2'), edited);
    copyFileSync(require.resolve(`${files}.woff`), join(dir, 'unlogged.woff'));

    const rejected = checkFontCache(dir).map((f) => f.slice(dir.length + 1));
    expect(rejected.sort()).toEqual(['cut.woff2', 'edited.woff2', 'empty.woff2', 'garbage.woff2']);
    for (const n of [...rejected, 'unlogged.woff']) expect(existsSync(join(dir, n)), n).toBe(false);
    expect(readFileSync(join(dir, 'kept.woff2')).equals(woff2)).toBe(true);
    expect(existsSync(join(dir, 'metadata.json'))).toBe(true);
  });

  it('logs only whole fonts after a build: a cut one is deleted, not logged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-astro-fonts-'));
    writeFileSync(join(dir, 'whole.woff2'), woff2);
    writeFileSync(join(dir, 'cut.woff2'), woff2.subarray(0, 100));
    recordFontCache(dir);
    expect(existsSync(join(dir, 'cut.woff2'))).toBe(false);
    expect(readFileSync(join(dir, '.digests'), 'utf8')).toMatch(/^20088 [0-9a-f]{64} whole\.woff2\n$/);
    expect(checkFontCache(dir)).toEqual([]);
    expect(existsSync(join(dir, 'whole.woff2'))).toBe(true);
  });
});
