import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFont, subsetFont } from '../../../src/lib/fonts/ttf-subset.ts';
import { woff } from '../../../src/lib/fonts/woff.ts';
import { chartFontPaths } from '../../../src/lib/charts/fonts.ts';
import { unwoff } from '../../helpers/woff.ts';

const ttf = subsetFont(parseFont(readFileSync(chartFontPaths()['regular'])), ['Revenue ¥200 bn 火山引擎 (2026) –%']);

describe('WOFF 1.0', () => {
  const out = woff(ttf);
  const numTables = ttf.readUInt16BE(4);

  it('writes the header the spec asks for', () => {
    expect(out.toString('latin1', 0, 4)).toBe('wOFF');
    expect(out.readUInt32BE(4)).toBe(ttf.readUInt32BE(0));
    expect(out.readUInt32BE(8)).toBe(out.length);
    expect(out.readUInt16BE(12)).toBe(numTables);
    expect(out.readUInt32BE(16)).toBe(ttf.length); // the subset's tables are already 4-byte padded
    expect(out.length % 4).toBe(0);
  });

  it('holds the same tables, checksums and order, byte for byte once inflated', () => {
    expect(unwoff(out)).toEqual(ttf);
    const back = parseFont(unwoff(out));
    expect(back.glyphOf('火'.codePointAt(0)!)).not.toBe(0);
  });

  it('compresses only the tables that get smaller, and is a quarter smaller in all', () => {
    const stored = Array.from({ length: numTables }, (_, i) => ({
      comp: out.readUInt32BE(44 + 20 * i + 8),
      orig: out.readUInt32BE(44 + 20 * i + 12),
    }));
    expect(stored.some((t) => t.comp < t.orig)).toBe(true);
    expect(stored.some((t) => t.comp === t.orig)).toBe(true); // tiny tables (prep, post) stay as they are
    expect(stored.every((t) => t.comp <= t.orig)).toBe(true);
    expect(out.length).toBeLessThan(ttf.length * 0.8);
  });
});
