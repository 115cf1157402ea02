import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { create, type Font } from 'fontkitten';
import subsetHarfBuzz from 'subset-font';
import { parseFont, subsetFont, tableRecords, type ParsedFont } from '../../../src/lib/fonts/ttf-subset.ts';
import { kernTable, kerningPairs } from '../../../src/lib/fonts/kerning.ts';
import { chartFontPaths } from '../../../src/lib/fonts/chart-fonts.ts';
import { unwoff2 } from '../../helpers/woff.ts';

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

/** A font as fontkitten (an independent OpenType parser) reads it. */
const reference = (bytes: Buffer) => create(bytes) as Font;
/** A glyph's advance and left side bearing as fontkitten reads them from hhea and hmtx. */
const metrics = (font: Font, gid: number) =>
  (font.getGlyph(gid) as unknown as { _getMetrics(): { advanceWidth: number; leftBearing: number } })._getMetrics();
const os2 = (font: Font) => {
  const t = font['OS/2'];
  return { first: t.usFirstCharIndex, last: t.usLastCharIndex, ranges: t.ulCharRange.map((w) => w >>> 0) };
};

/**
 * A second font, unlike the chart font in what the subsetter must read: Source Serif 4 (the body
 * font's package), decoded from its WOFF 2 by the reference decoder, then cut by HarfBuzz's subsetter
 * to a text ending in the mathematical operators. Those share one advance and come last in the glyph
 * order, so HarfBuzz writes them without long metrics: 13 glyphs, 6 long metrics, the operators'
 * left side bearings in hmtx's trailing array.
 */
const OPERATORS = 'Sum +−×÷=<>±';
const serif = (async () => {
  const file = createRequire(import.meta.url).resolve(
    '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2',
  );
  return subsetHarfBuzz(await unwoff2(readFileSync(file)), OPERATORS, { targetFormat: 'sfnt' });
})();

describe('TrueType subset of a font with fewer long metrics than glyphs', () => {
  it('is such a font, by the reference parser', async () => {
    const font = reference(await serif);
    expect(font.hhea.numberOfMetrics).toBeLessThan(font.numGlyphs);
    const beyond = [...OPERATORS].filter(
      (c) => font.glyphForCodePoint(c.codePointAt(0)!).id >= font.hhea.numberOfMetrics,
    );
    expect(beyond.join('')).toBe('−×÷=<>±');
  });

  it("keeps each glyph's advance and left side bearing, those beyond the long metrics included", async () => {
    const full = await serif;
    const text = '×<S=u';
    const subset = reference(subsetFont(parseFont(full), [text]));
    const source = reference(full);
    for (const c of text) {
      const [was, is] = [source.glyphForCodePoint(c.codePointAt(0)!), subset.glyphForCodePoint(c.codePointAt(0)!)];
      expect(is.id, c).not.toBe(0);
      expect(metrics(subset, is.id), c).toEqual(metrics(source, was.id));
      // The left side bearing is the outline's xMin in this font: the one each glyph carries in its bounding box.
      expect(metrics(subset, is.id).leftBearing, c).toBe(is.cbox.minX);
    }
    // The operators' bearings differ from glyph to glyph, so reading the wrong entry of the trailing array shows.
    expect(
      new Set([...'×<='].map((c) => metrics(source, source.glyphForCodePoint(c.codePointAt(0)!).id).leftBearing)).size,
    ).toBe(3);
  });
});

describe("OS/2's character ranges", () => {
  const texts = {
    latin: 'Revenue 2026',
    'Latin-1 and punctuation': 'Café – ¥200 “bn”',
    CJK: '火山引擎',
    'beyond the BMP': 'ok \u{1F101}',
  };
  it.each(Object.entries(texts))(
    'name the first and last character and the blocks of the kept ones (%s), as HarfBuzz does',
    async (_, text) => {
      const [ours, theirs] = [
        reference(subsetFont(full, [text])),
        reference(await subsetHarfBuzz(full.data, text, { targetFormat: 'sfnt' })),
      ];
      expect(os2(ours)).toEqual(os2(theirs));
    },
  );

  it('keep only the range bits of scripts the subset still holds', () => {
    const whole = os2(reference(full.data));
    const latin = os2(reference(subsetFont(full, ['Revenue'])));
    expect(whole.ranges[1]! & (1 << (59 - 32))).not.toBe(0); // CJK Unified Ideographs, in the whole font
    expect(latin).toEqual({ first: 0x52, last: 0x76, ranges: [1, 0, 0, 0] }); // Basic Latin alone
  });
});

describe('kerning for text the browser lays out', () => {
  // "x," is a pair the font lists on its own, overriding its classes' value: the first subtable that holds a pair decides.
  const TEXT = 'AVATAR To Ty Wa 7.0 “Yes” ¥0.12 x,';
  /** Widths of the text and of each pair of neighbours in it, as Skia with HarfBuzz lays them out (@napi-rs/canvas). */
  const widths = (bytes: Buffer, family: string) => {
    if (bytes === full.data) GlobalFonts.registerFromPath(chartFontPaths()['regular'], family);
    else GlobalFonts.register(bytes, family);
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = `1000px "${family}"`;
    return [TEXT, ...[...TEXT].slice(1).map((c, i) => TEXT[i]! + c)].map((t) => ctx.measureText(t).width);
  };

  it("lays the text out as the whole font's GPOS kerning does, every pair of neighbours included", () => {
    const kerned = subsetFont(full, [TEXT], { kerning: true });
    expect(tableRecords(kerned).map((t) => t.tag)).toContain('kern');
    const whole = widths(full.data, 'Whole Kerning Font');
    expect(widths(kerned, 'Kerned Subset')).toEqual(whole);
    // Without it the run is wider: the pairs above are kerned in this font.
    expect(widths(subsetFont(full, [TEXT]), 'Unkerned Subset')[0]).toBeGreaterThan(whole[0]! + 20);
  });

  it('reads both kinds of pair adjustment: glyph pairs first, then classes', () => {
    const gids = [...'AVTo7.'].map((c) => full.glyphOf(c.codePointAt(0)!));
    const pairs = kerningPairs(full, gids);
    const [A, V, T, o] = gids as [number, number, number, number];
    expect(pairs.get(A * 65536 + V)).toBeLessThan(0);
    expect(pairs.get(T * 65536 + o)).toBeLessThan(0);
    expect(pairs.has(o * 65536 + o)).toBe(false);
  });

  it('writes a kern table a browser accepts: pairs sorted, search fields set, at most 10,920 pairs a subtable', () => {
    const pairs = Array.from(
      { length: 12_000 },
      (_, i) => [Math.floor(i / 100) + 1, (i % 100) + 1, (i % 50) - 25] as const,
    );
    const table = kernTable([...pairs].reverse())!;
    expect(table.readUInt16BE(0)).toBe(0);
    expect(table.readUInt16BE(2)).toBe(2);
    let at = 4;
    const read: number[][] = [];
    for (const expected of [10_920, 1_080]) {
      const n = table.readUInt16BE(at + 6);
      expect(n).toBe(expected);
      expect(table.readUInt16BE(at + 2)).toBe(14 + 6 * n);
      expect(table.readUInt16BE(at + 4)).toBe(1);
      const log = Math.floor(Math.log2(n));
      expect([table.readUInt16BE(at + 8), table.readUInt16BE(at + 10), table.readUInt16BE(at + 12)]).toEqual([
        6 * 2 ** log,
        log,
        6 * n - 6 * 2 ** log,
      ]);
      for (let i = 0; i < n; i++)
        read.push([
          table.readUInt16BE(at + 14 + i * 6),
          table.readUInt16BE(at + 16 + i * 6),
          table.readInt16BE(at + 18 + i * 6),
        ]);
      at += 14 + 6 * n;
    }
    expect(at).toBe(table.length);
    expect(read).toEqual(pairs.map((p) => [...p]));
    expect(kernTable([])).toBeUndefined();
  });
});
