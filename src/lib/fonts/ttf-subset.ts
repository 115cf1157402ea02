/**
 * A TrueType (glyf) font cut down to the glyphs of some characters: the one
 * subsetter behind the fonts embedded in chart SVGs (svg-font.ts) and the live
 * chart's web fonts (web-font.ts). The chart's text stays text, drawn in the
 * shipped font (CJK included) on machines that have no such font, at a few KB
 * instead of the font's megabytes. Keeps what a browser needs to draw the
 * glyphs (cmap, glyf, loca, head, hhea, hmtx, maxp, the identifying and licence
 * records of name, OS/2 with its character ranges narrowed to the subset, post
 * without glyph names, and the hinting programs); drops the layout tables. The
 * SVG's drawing fixes each glyph's position itself; text the browser lays out
 * (the web fonts) asks for `kerning`, which keeps the font's pair kerning
 * between the kept glyphs as a `kern` table (kerning.ts). Pure byte work.
 */

import { kernTable, kerningPairs } from './kerning.ts';
import { unicodeRanges } from './unicode-ranges.ts';

interface Table {
  offset: number;
  length: number;
}

export interface ParsedFont {
  data: Buffer;
  tables: Map<string, Table>;
  numGlyphs: number;
  numberOfHMetrics: number;
  longLoca: boolean;
  /** Character → glyph id, from the Unicode cmap subtable. */
  glyphOf(codePoint: number): number;
}

const KEEP = ['OS/2', 'name', 'head', 'hhea', 'maxp', 'post'];
const HINTING = ['cvt ', 'fpgm', 'prep', 'gasp'];

/** A font file's table records, in the file's order (by tag, as the sfnt format sorts them). */
export function tableRecords(data: Buffer): Array<Table & { tag: string }> {
  return Array.from({ length: data.readUInt16BE(4) }, (_, i) => {
    const at = 12 + i * 16;
    return {
      tag: data.toString('latin1', at, at + 4),
      offset: data.readUInt32BE(at + 8),
      length: data.readUInt32BE(at + 12),
    };
  });
}

export function parseFont(data: Buffer): ParsedFont {
  if (data.readUInt32BE(0) !== 0x00010000) throw new Error('Not a TrueType font with glyf outlines');
  const tables = new Map<string, Table>(tableRecords(data).map(({ tag, offset, length }) => [tag, { offset, length }]));
  for (const tag of ['cmap', 'glyf', 'loca', 'hmtx', ...KEEP])
    if (!tables.has(tag)) throw new Error(`The font has no ${tag} table`);
  const head = tables.get('head')!.offset;
  return {
    data,
    tables,
    numGlyphs: data.readUInt16BE(tables.get('maxp')!.offset + 4),
    numberOfHMetrics: data.readUInt16BE(tables.get('hhea')!.offset + 34),
    longLoca: data.readInt16BE(head + 50) === 1,
    glyphOf: cmapLookup(data, tables.get('cmap')!.offset),
  };
}

function cmapLookup(data: Buffer, cmap: number): (cp: number) => number {
  const records = data.readUInt16BE(cmap + 2);
  let format4: number | undefined;
  for (let i = 0; i < records; i++) {
    const at = cmap + 4 + i * 8;
    const [platform, encoding, offset] = [data.readUInt16BE(at), data.readUInt16BE(at + 2), data.readUInt32BE(at + 4)];
    const sub = cmap + offset;
    const format = data.readUInt16BE(sub);
    if (format === 12 && (platform === 3 || platform === 0)) {
      const groups = data.readUInt32BE(sub + 12);
      return (cp) => {
        let [lo, hi] = [0, groups - 1];
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const g = sub + 16 + mid * 12;
          const [start, end] = [data.readUInt32BE(g), data.readUInt32BE(g + 4)];
          if (cp < start) hi = mid - 1;
          else if (cp > end) lo = mid + 1;
          else return data.readUInt32BE(g + 8) + (cp - start);
        }
        return 0;
      };
    }
    if (format === 4 && platform === 3 && encoding === 1) format4 = sub;
  }
  if (format4 === undefined) throw new Error('The font has no Unicode cmap subtable');
  const sub = format4;
  const segments = data.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (cp > data.readUInt16BE(ends + s * 2)) continue;
      const start = data.readUInt16BE(starts + s * 2);
      if (cp < start) return 0;
      const delta = data.readUInt16BE(deltas + s * 2);
      const ro = data.readUInt16BE(rangeOffsets + s * 2);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = data.readUInt16BE(rangeOffsets + s * 2 + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

function glyphRange(font: ParsedFont, gid: number): [number, number] {
  const loca = font.tables.get('loca')!.offset;
  const glyf = font.tables.get('glyf')!.offset;
  const at = (i: number) =>
    font.longLoca ? font.data.readUInt32BE(loca + i * 4) : font.data.readUInt16BE(loca + i * 2) * 2;
  return [glyf + at(gid), glyf + at(gid + 1)];
}

/** Component glyph ids of a composite glyph, with the byte offset of each id. */
function components(font: ParsedFont, gid: number): Array<{ at: number; gid: number }> {
  const [start, end] = glyphRange(font, gid);
  if (end - start < 10 || font.data.readInt16BE(start) >= 0) return [];
  const out: Array<{ at: number; gid: number }> = [];
  let p = start + 10;
  for (;;) {
    const flags = font.data.readUInt16BE(p);
    out.push({ at: p + 2 - start, gid: font.data.readUInt16BE(p + 2) });
    p += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) return out;
  }
}

export interface SubsetOptions {
  /** Keep the pair kerning between the kept glyphs (for text the browser lays out); default false. */
  kerning?: boolean;
}

/** The font with only the glyphs of these characters (and .notdef), as TTF bytes. */
export function subsetFont(font: ParsedFont, text: Iterable<string>, options: SubsetOptions = {}): Buffer {
  const codePoints = [...new Set([...text].flatMap((s) => [...s].map((c) => c.codePointAt(0)!)))].sort((a, b) => a - b);
  const mapped = codePoints
    .map((cp) => [cp, font.glyphOf(cp)] as const)
    .filter(([, g]) => g !== 0 && g < font.numGlyphs);
  // Old glyph ids to keep, in order of first need; composites pull in their components.
  const order: number[] = [0];
  const newId = new Map<number, number>([[0, 0]]);
  const need = (gid: number) => {
    if (newId.has(gid)) return;
    newId.set(gid, order.length);
    order.push(gid);
    for (const c of components(font, gid)) need(c.gid);
  };
  for (const [, g] of mapped) need(g);

  const glyphs = order.map((gid) => {
    const [start, end] = glyphRange(font, gid);
    const bytes = Buffer.from(font.data.subarray(start, end));
    for (const c of components(font, gid)) bytes.writeUInt16BE(newId.get(c.gid)!, c.at);
    return bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
  });
  // Short offsets (half the bytes) when the glyphs fit in 128 KB; glyphs are padded to even lengths, as they require.
  const glyfLength = glyphs.reduce((sum, g) => sum + g.length, 0);
  const longLoca = glyfLength / 2 > 0xffff;
  const loca = Buffer.alloc((order.length + 1) * (longLoca ? 4 : 2));
  let offset = 0;
  for (let i = 0; i <= order.length; i++) {
    if (longLoca) loca.writeUInt32BE(offset, i * 4);
    else loca.writeUInt16BE(offset / 2, i * 2);
    offset += glyphs[i]?.length ?? 0;
  }

  const hmtxAt = font.tables.get('hmtx')!.offset;
  const hmtx = Buffer.alloc(order.length * 4);
  order.forEach((gid, i) => {
    const metric = Math.min(gid, font.numberOfHMetrics - 1);
    hmtx.writeUInt16BE(font.data.readUInt16BE(hmtxAt + metric * 4), i * 4);
    const lsb =
      gid < font.numberOfHMetrics
        ? hmtxAt + gid * 4 + 2
        : hmtxAt + font.numberOfHMetrics * 4 + (gid - font.numberOfHMetrics) * 2;
    hmtx.writeInt16BE(font.data.readInt16BE(lsb), i * 4 + 2);
  });

  const copy = (tag: string) => {
    const t = font.tables.get(tag)!;
    return Buffer.from(font.data.subarray(t.offset, t.offset + t.length));
  };
  const head = copy('head');
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(longLoca ? 1 : 0, 50); // indexToLocFormat
  const hhea = copy('hhea');
  hhea.writeUInt16BE(order.length, 34);
  const maxp = copy('maxp');
  maxp.writeUInt16BE(order.length, 4);
  const post = copy('post').subarray(0, 32);
  post.writeUInt32BE(0x00030000, 0); // no glyph names

  const out = new Map<string, Buffer>([
    [
      'OS/2',
      os2Table(
        copy('OS/2'),
        mapped.map(([cp]) => cp),
      ),
    ],
    ['cmap', cmapTable(mapped.map(([cp, g]) => [cp, newId.get(g)!]))],
    ['glyf', Buffer.concat(glyphs)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['name', nameTable(font)],
    ['post', post],
  ]);
  // Hinting programs: without them a rasteriser that hints draws Latin glyphs differently.
  for (const tag of HINTING) if (font.tables.has(tag)) out.set(tag, copy(tag));
  if (options.kerning) {
    const pairs = [...kerningPairs(font, order)].map(
      ([key, value]) => [newId.get(Math.floor(key / 65536))!, newId.get(key % 65536)!, value] as const,
    );
    const kern = kernTable(pairs);
    if (kern) out.set('kern', kern);
  }
  return sfnt(out);
}

/**
 * OS/2 with the subset's character ranges: first and last character (capped at U+FFFF, as the
 * fields are 16 bits) and the Unicode range bits, each kept only when it was set and a kept
 * character still lies in its blocks (unicode-ranges.ts). `codePoints` is sorted.
 */
function os2Table(os2: Buffer, codePoints: readonly number[]): Buffer {
  os2.writeUInt16BE(Math.min(codePoints[0] ?? 0xffff, 0xffff), 64); // usFirstCharIndex
  os2.writeUInt16BE(Math.min(codePoints.at(-1) ?? 0, 0xffff), 66); // usLastCharIndex
  unicodeRanges(codePoints).forEach((bits, i) =>
    os2.writeUInt32BE((os2.readUInt32BE(42 + i * 4) & bits) >>> 0, 42 + i * 4),
  );
  return os2;
}

/** Runs of consecutive characters mapped to consecutive glyphs: one cmap segment each. */
function segments(
  entries: ReadonlyArray<readonly [number, number]>,
): Array<{ start: number; end: number; gid: number }> {
  const out: Array<{ start: number; end: number; gid: number }> = [];
  for (const [cp, g] of entries) {
    const last = out.at(-1);
    if (last && cp === last.end + 1 && g === last.gid + (cp - last.start)) last.end = cp;
    else out.push({ start: cp, end: cp, gid: g });
  }
  return out;
}

/**
 * A cmap with a format 4 subtable (the Basic Multilingual Plane), plus a
 * format 12 one only when a character lies beyond it; consecutive characters
 * with consecutive glyphs share a segment (digits, letters).
 */
function cmapTable(entries: ReadonlyArray<readonly [number, number]>): Buffer {
  const bmp = [...segments(entries.filter(([cp]) => cp <= 0xfffe)), { start: 0xffff, end: 0xffff, gid: 0 }];
  const segs = bmp.length;
  const f4 = Buffer.alloc(16 + segs * 8);
  const log = Math.floor(Math.log2(segs));
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  f4.writeUInt16BE(segs * 2, 6);
  f4.writeUInt16BE(2 ** (log + 1), 8);
  f4.writeUInt16BE(log, 10);
  f4.writeUInt16BE(segs * 2 - 2 ** (log + 1), 12);
  const ends = 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  bmp.forEach(({ start, end, gid }, i) => {
    f4.writeUInt16BE(end, ends + i * 2);
    f4.writeUInt16BE(start, starts + i * 2);
    f4.writeUInt16BE(start === 0xffff ? 1 : (gid - start + 0x10000) & 0xffff, deltas + i * 2);
  });
  const subtables = [{ platform: 3, encoding: 1, data: f4 }];
  if (entries.some(([cp]) => cp > 0xfffe)) {
    const groups = segments(entries);
    const f12 = Buffer.alloc(16 + groups.length * 12);
    f12.writeUInt16BE(12, 0);
    f12.writeUInt32BE(f12.length, 4);
    f12.writeUInt32BE(groups.length, 12);
    groups.forEach(({ start, end, gid }, i) => {
      f12.writeUInt32BE(start, 16 + i * 12);
      f12.writeUInt32BE(end, 20 + i * 12);
      f12.writeUInt32BE(gid, 24 + i * 12);
    });
    subtables.push({ platform: 3, encoding: 10, data: f12 });
  }
  const header = Buffer.alloc(4 + subtables.length * 8);
  header.writeUInt16BE(subtables.length, 2);
  let at = header.length;
  subtables.forEach((t, i) => {
    header.writeUInt16BE(t.platform, 4 + i * 8);
    header.writeUInt16BE(t.encoding, 6 + i * 8);
    header.writeUInt32BE(at, 8 + i * 8);
    at += t.data.length;
  });
  return Buffer.concat([header, ...subtables.map((t) => t.data)]);
}

/**
 * The name table cut to what identifies the font and its licence: copyright
 * (0), family and style (1, 2), unique, full and PostScript names (3, 4, 6),
 * licence and its URL (13, 14). The designers' credits, descriptions and the
 * variable-font names are a kilobyte and a half that every chart would carry.
 */
const NAMES_KEPT = new Set([0, 1, 2, 3, 4, 6, 13, 14]);
function nameTable(font: ParsedFont): Buffer {
  const at = font.tables.get('name')!.offset;
  const data = font.data;
  const strings = at + data.readUInt16BE(at + 4);
  const records: Array<{ ids: Buffer; text: Buffer }> = [];
  for (let i = 0, n = data.readUInt16BE(at + 2); i < n; i++) {
    const r = at + 6 + i * 12;
    if (!NAMES_KEPT.has(data.readUInt16BE(r + 6))) continue;
    const length = data.readUInt16BE(r + 8);
    const offset = strings + data.readUInt16BE(r + 10);
    records.push({ ids: data.subarray(r, r + 8), text: data.subarray(offset, offset + length) });
  }
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((rec, i) => {
    rec.ids.copy(head, 6 + i * 12);
    head.writeUInt16BE(rec.text.length, 6 + i * 12 + 8);
    head.writeUInt16BE(offset, 6 + i * 12 + 10);
    offset += rec.text.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.text)]);
}

function checksum(b: Buffer): number {
  let sum = 0;
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function sfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const log = Math.floor(Math.log2(n));
  const dir = Buffer.alloc(12 + n * 16);
  dir.writeUInt32BE(0x00010000, 0);
  dir.writeUInt16BE(n, 4);
  dir.writeUInt16BE(2 ** log * 16, 6);
  dir.writeUInt16BE(log, 8);
  dir.writeUInt16BE(n * 16 - 2 ** log * 16, 10);
  const bodies: Buffer[] = [];
  let offset = dir.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + i * 16;
    dir.write(tag, at, 'latin1');
    dir.writeUInt32BE(checksum(data), at + 4);
    dir.writeUInt32BE(offset, at + 8);
    dir.writeUInt32BE(data.length, at + 12);
    const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([dir, ...bodies]);
  const headAt = dir.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}
