import { deflateSync } from 'node:zlib';

/**
 * Wrap a TrueType font as WOFF 1.0 (https://www.w3.org/TR/WOFF/): the same
 * tables, each zlib-compressed when that makes it smaller. The chart SVGs
 * embed a cut-down font per weight as base64; WOFF makes those a quarter
 * smaller for well under a millisecond a font (WOFF 2's Brotli would save
 * more but took 9 ms a font here, on every chart drawn). Every browser that
 * shows SVG reads WOFF.
 */
export function woff(ttf: Buffer): Buffer {
  const numTables = ttf.readUInt16BE(4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 12 + 16 * i;
    const offset = ttf.readUInt32BE(entry + 8);
    const length = ttf.readUInt32BE(entry + 12);
    const data = ttf.subarray(offset, offset + length);
    const packed = deflateSync(data, { level: 9 });
    return {
      tag: ttf.readUInt32BE(entry),
      checksum: ttf.readUInt32BE(entry + 4),
      length,
      // Stored as is when compressing does not help (the spec's rule).
      data: packed.length < length ? packed : data,
    };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 44 + 20 * numTables;
  const size = tables.reduce((s, t) => s + pad4(t.data.length), headerSize);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(0x774f4646, 0); // 'wOFF'
  out.writeUInt32BE(ttf.readUInt32BE(0), 4); // flavour: the font's sfnt version
  out.writeUInt32BE(size, 8);
  out.writeUInt16BE(numTables, 12);
  // The uncompressed font's size: its header, directory and 4-byte-padded tables.
  out.writeUInt32BE(
    tables.reduce((s, t) => s + pad4(t.length), 12 + 16 * numTables),
    16,
  );
  // Version, metadata and private data: none (zero).
  let offset = headerSize;
  tables.forEach((t, i) => {
    const entry = 44 + 20 * i;
    out.writeUInt32BE(t.tag, entry);
    out.writeUInt32BE(offset, entry + 4);
    out.writeUInt32BE(t.data.length, entry + 8);
    out.writeUInt32BE(t.length, entry + 12);
    out.writeUInt32BE(t.checksum, entry + 16);
    t.data.copy(out, offset);
    offset += pad4(t.data.length);
  });
  return out;
}
