import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFont, subsetFont, tableRecords } from '../../../src/lib/fonts/ttf-subset.ts';
import { woff2 } from '../../../src/lib/fonts/woff2.ts';
import { chartFontPaths } from '../../../src/lib/fonts/chart-fonts.ts';
import { unwoff2 } from '../../helpers/woff.ts';

const TEXT = 'Revenue ¥200 bn 火山引擎 (2026) –% éÅ';
const ttf = subsetFont(parseFont(readFileSync(chartFontPaths()['regular'])), [TEXT]);

/** The font's tables by tag, as stored. */
function tables(font: Buffer): Map<string, Buffer> {
  return new Map(tableRecords(font).map(({ tag, offset, length }) => [tag, font.subarray(offset, offset + length)]));
}

/** Each glyph as what draws it, whatever the encoding: contour ends, on-curve bits, absolute points, instructions, box; a composite's records. */
function outlines(font: Buffer) {
  const t = tables(font);
  const [glyf, loca, head] = [t.get('glyf')!, t.get('loca')!, t.get('head')!];
  const long = head.readInt16BE(50) === 1;
  const at = (i: number) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return Array.from({ length: t.get('maxp')!.readUInt16BE(4) }, (_, g) => {
    const [start, end] = [at(g), at(g + 1)];
    if (end <= start) return 'empty';
    const contours = glyf.readInt16BE(start);
    const box = [0, 1, 2, 3].map((k) => glyf.readInt16BE(start + 2 + 2 * k));
    if (contours < 0)
      return {
        box,
        composite: glyf
          .subarray(start + 10, end)
          .toString('hex')
          .replace(/(00)+$/, ''),
      };
    const ends = Array.from({ length: contours }, (_, c) => glyf.readUInt16BE(start + 10 + 2 * c));
    let p = start + 10 + 2 * contours;
    const instructions = glyf.subarray(p + 2, p + 2 + glyf.readUInt16BE(p)).toString('hex');
    p += 2 + glyf.readUInt16BE(p);
    const n = ends.at(-1)! + 1;
    const flags: number[] = [];
    while (flags.length < n) {
      const f = glyf[p++]!;
      flags.push(f);
      if (f & 8) for (let r = glyf[p++]!; r > 0; r--) flags.push(f);
    }
    const coords = (short: number, same: number) => {
      let v = 0;
      return flags.map((f) => {
        if (f & short) v += f & same ? glyf[p++]! : -glyf[p++]!;
        else if (!(f & same)) [v, p] = [v + glyf.readInt16BE(p), p + 2];
        return v;
      });
    };
    const xs = coords(2, 16);
    const ys = coords(4, 32);
    return { box, ends, onCurve: flags.map((f) => f & 1), xs, ys, instructions };
  });
}

describe('WOFF 2.0', () => {
  it('writes the header the spec asks for, the file padded to 4 bytes', () => {
    const out = woff2(ttf);
    expect(out.toString('latin1', 0, 4)).toBe('wOF2');
    expect(out.readUInt32BE(4)).toBe(0x00010000);
    expect(out.readUInt32BE(8)).toBe(out.length);
    expect(out.length % 4).toBe(0);
    expect(out.readUInt16BE(12)).toBe(tables(ttf).size);
    expect(out.readUInt32BE(16)).toBe(ttf.length); // the subset's tables are already 4-byte padded
  });

  it('reads back, through the reference decoder, as the same glyphs and the same other tables', async () => {
    const back = await unwoff2(woff2(ttf));
    expect(outlines(back)).toEqual(outlines(ttf));
    const [before, after] = [tables(ttf), tables(back)];
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [tag, data] of before)
      if (!['glyf', 'loca', 'head'].includes(tag)) expect(after.get(tag)!.equals(data), tag).toBe(true);
    // head: the same but for the flag of a lossless transform and the checksum.
    const head = Buffer.from(before.get('head')!);
    head.writeUInt16BE(head.readUInt16BE(16) | 0x0800, 16);
    head.writeUInt32BE(after.get('head')!.readUInt32BE(8), 8);
    expect(after.get('head')!.equals(head)).toBe(true);
    expect(parseFont(back).glyphOf('火'.codePointAt(0)!)).not.toBe(0);
  });

  it('transforms the outlines (loca left for the reader to rebuild), and is smaller than the tables compressed one by one with zlib', async () => {
    const out = woff2(ttf);
    const entries = directory(out);
    expect(entries.map((e) => e.tag)).toEqual([...tables(ttf).keys()]);
    expect(entries.find((e) => e.tag === 'glyf')).toMatchObject({ version: 0, transformed: expect.any(Number) });
    expect(entries.find((e) => e.tag === 'glyf')!.transformed!).toBeLessThan(tables(ttf).get('glyf')!.length);
    expect(entries.find((e) => e.tag === 'loca')).toMatchObject({ version: 0, transformed: 0 });
    expect(entries.filter((e) => e.transformed !== undefined).map((e) => e.tag)).toEqual(['glyf', 'loca']);
    const { deflateSync } = await import('node:zlib');
    const zlibbed = [...tables(ttf).values()].reduce((sum, t) => sum + deflateSync(t, { level: 9 }).length, 0);
    expect(out.length).toBeLessThan(zlibbed * 0.9);
  });

  it('carries composite glyphs, their instructions and boxes, and glyphs whose box is not their points’', async () => {
    // The chart font has no composites: make one (glyph 2 drawn as glyph 3 moved by 100, 50), with two
    // bytes of instructions, and give glyph 3 a box wider than its points.
    const t = tables(ttf);
    const [glyf, loca] = [t.get('glyf')!, t.get('loca')!];
    const short = t.get('head')!.readInt16BE(50) === 0;
    const count = t.get('maxp')!.readUInt16BE(4);
    const at = (i: number) => (short ? loca.readUInt16BE(i * 2) * 2 : loca.readUInt32BE(i * 4));
    const glyphs = Array.from({ length: count }, (_, g) => Buffer.from(glyf.subarray(at(g), at(g + 1))));
    const composite = Buffer.alloc(10 + 8 + 4);
    composite.writeInt16BE(-1, 0);
    glyphs[3]!.copy(composite, 2, 2, 10); // the component's box
    composite.writeUInt16BE(0x0001 | 0x0002 | 0x0100, 10); // word arguments, as x/y offsets, then instructions
    composite.writeUInt16BE(3, 12);
    composite.writeInt16BE(100, 14);
    composite.writeInt16BE(50, 16);
    composite.writeUInt16BE(2, 18);
    Buffer.from([0xb0, 0x01]).copy(composite, 20); // PUSHB 1
    glyphs[2] = composite;
    glyphs[3]!.writeInt16BE(glyphs[3]!.readInt16BE(6) + 7, 6); // xMax
    const newGlyf = Buffer.concat(glyphs.map((g) => (g.length % 2 ? Buffer.concat([g, Buffer.alloc(1)]) : g)));
    const newLoca = Buffer.alloc((count + 1) * 4);
    let offset = 0;
    for (let g = 0; g <= count; g++) {
      newLoca.writeUInt32BE(offset, g * 4);
      offset += ((glyphs[g]?.length ?? 0) + 1) & ~1;
    }
    const head = Buffer.from(t.get('head')!);
    head.writeInt16BE(1, 50);
    const font = sfnt(new Map([...t, ['glyf', newGlyf], ['loca', newLoca], ['head', head]]));
    const out = woff2(font);
    expect(directory(out).find((e) => e.tag === 'glyf')!.transformed).toBeGreaterThan(0);
    const back = await unwoff2(out);
    const [was, is] = [outlines(font), outlines(back)];
    expect(is).toEqual(was);
    expect(is[2]).toMatchObject({ composite: expect.stringMatching(/^0103000300640032/) });
  });
});

const KNOWN = [
  'cmap',
  'head',
  'hhea',
  'hmtx',
  'maxp',
  'name',
  'OS/2',
  'post',
  'cvt ',
  'fpgm',
  'glyf',
  'loca',
  'prep',
  'CFF ',
  'VORG',
  'EBDT',
  'EBLC',
  'gasp',
];
/** The table directory of a WOFF 2.0 file, read as the spec lays it out. */
function directory(file: Buffer) {
  let p = 48;
  const base128 = () => {
    let v = 0;
    for (let b = 0x80; b & 0x80;) [b, v] = [file[p]!, v * 128 + (file[p++]! & 0x7f)];
    return v;
  };
  return Array.from({ length: file.readUInt16BE(12) }, () => {
    const flags = file[p++]!;
    const index = flags & 63;
    const tag = index === 63 ? file.toString('latin1', p, (p += 4)) : (KNOWN[index] ?? `#${index}`);
    const version = flags >> 6;
    const original = base128();
    const transformed = (tag === 'glyf' || tag === 'loca') && version === 0 ? base128() : undefined;
    return { tag, version, original, transformed };
  });
}

/** A TrueType file from its tables (tests only: checksums left at zero; readers here do not check them). */
function sfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const dir = Buffer.alloc(12 + 16 * tags.length);
  dir.writeUInt32BE(0x00010000, 0);
  dir.writeUInt16BE(tags.length, 4);
  const bodies: Buffer[] = [];
  let offset = dir.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    dir.write(tag, 12 + 16 * i, 'latin1');
    dir.writeUInt32BE(offset, 20 + 16 * i);
    dir.writeUInt32BE(data.length, 24 + 16 * i);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([dir, ...bodies]);
}
