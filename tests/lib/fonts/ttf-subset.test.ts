import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { parseFont, subsetFont, type ParsedFont } from '../../../src/lib/fonts/ttf-subset.ts';
import { chartFontPaths } from '../../../src/lib/fonts/chart-fonts.ts';

const full = parseFont(readFileSync(chartFontPaths()['regular']));
const TEXT = 'Revenue ¥200 bn 火山引擎 (2026) –%';

describe('TrueType subset', () => {
  const bytes = subsetFont(full, [TEXT]);
  const subset = parseFont(bytes);

  it('maps every character of the text, and only those, to a glyph', () => {
    for (const c of TEXT) expect(subset.glyphOf(c.codePointAt(0)!), c).not.toBe(0);
    expect(subset.glyphOf('Z'.codePointAt(0)!)).toBe(0);
    expect(subset.glyphOf('云'.codePointAt(0)!)).toBe(0);
    expect(subset.numGlyphs).toBeLessThanOrEqual(new Set(TEXT).size + 1);
  });

  it('is a small fraction of the font', () => {
    expect(full.data.length).toBeGreaterThan(1_000_000);
    expect(bytes.length).toBeLessThan(20_000);
  });

  it("keeps each character's outline and advance as in the full font", () => {
    const glyph = (f: ParsedFont, c: string) => {
      const gid = f.glyphOf(c.codePointAt(0)!);
      const loca = f.tables.get('loca')!.offset;
      const glyf = f.tables.get('glyf')!.offset;
      const at = (i: number) =>
        f.longLoca ? f.data.readUInt32BE(loca + i * 4) : f.data.readUInt16BE(loca + i * 2) * 2;
      const hmtx = f.tables.get('hmtx')!.offset + Math.min(gid, f.numberOfHMetrics - 1) * 4;
      const bytes = f.data.subarray(glyf + at(gid), glyf + at(gid + 1));
      // Glyphs are padded to an even length in the subset.
      return { outline: bytes.toString('hex').replace(/(00)?$/, ''), advance: f.data.readUInt16BE(hmtx) };
    };
    for (const c of new Set(TEXT)) expect(glyph(subset, c), c).toEqual(glyph(full, c));
  });

  it('draws the text at the same width as the full font', () => {
    GlobalFonts.register(bytes, 'Subset Under Test');
    GlobalFonts.registerFromPath(chartFontPaths()['regular'], 'Full Under Test');
    const width = (family: string) => {
      const ctx = createCanvas(10, 10).getContext('2d');
      ctx.font = `32px "${family}"`;
      return ctx.measureText(TEXT).width;
    };
    expect(width('Subset Under Test')).toBeGreaterThan(200);
    // Kerning pairs are not kept (the drawing places each glyph), so a run may differ by a fraction of a pixel.
    expect(Math.abs(width('Subset Under Test') - width('Full Under Test'))).toBeLessThan(
      width('Full Under Test') * 0.01,
    );
  });

  it('has a valid checksum adjustment (the whole file sums to the magic number)', () => {
    let sum = 0;
    for (let i = 0; i < bytes.length; i += 4) sum = (sum + bytes.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('carries only what it needs: one cmap subtable for BMP text, short glyph offsets, the name records of identity and licence', () => {
    const cmap = subset.tables.get('cmap')!.offset;
    expect(bytes.readUInt16BE(cmap + 2), 'cmap subtables').toBe(1);
    expect(subset.longLoca).toBe(false);
    const name = subset.tables.get('name')!.offset;
    const ids = Array.from({ length: bytes.readUInt16BE(name + 2) }, (_, i) =>
      bytes.readUInt16BE(name + 6 + i * 12 + 6),
    );
    expect(new Set(ids)).toEqual(new Set([0, 1, 2, 3, 4, 6, 13, 14]));
    const text = (id: number) => {
      const i = ids.indexOf(id);
      const r = name + 6 + i * 12;
      const at = name + bytes.readUInt16BE(name + 4) + bytes.readUInt16BE(r + 10);
      return Buffer.from(bytes.subarray(at, at + bytes.readUInt16BE(r + 8)))
        .swap16()
        .toString('utf16le');
    };
    expect(text(1)).toBe('Noto Sans SC');
    expect(text(0)).toMatch(/^\(c\) .*Adobe/);
    expect(text(13)).toMatch(/SIL Open Font License/);
  });

  it('adds a format 12 cmap for characters beyond the Basic Multilingual Plane', () => {
    const wide = '\u{1F101}';
    const withWide = parseFont(subsetFont(full, [TEXT + wide]));
    expect(withWide.glyphOf(wide.codePointAt(0)!)).not.toBe(0);
    for (const c of TEXT) expect(withWide.glyphOf(c.codePointAt(0)!), c).not.toBe(0);
  });

  it('refuses a file that is not a TrueType font', () => {
    expect(() => parseFont(Buffer.from('wOFF0000000000000000'))).toThrow(/Not a TrueType font/);
  });
});
