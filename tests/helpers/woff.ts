import { inflateSync } from 'node:zlib';

/** Unwrap WOFF 1.0 back to the TrueType font (tests only): each table inflated when its stored length is shorter. */
export function unwoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not WOFF 1.0');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const e = 44 + 20 * i;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => woff.readUInt32BE(e + k));
    const stored = woff.subarray(offset, offset! + compLength!);
    const data = compLength! < origLength! ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`table ${i}: ${data.length} bytes, ${origLength} expected`);
    return { tag: tag!, checksum: checksum!, data };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(tables.reduce((s, t) => s + pad4(t.data.length), 12 + 16 * numTables));
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(numTables, 4);
  const power = 2 ** Math.floor(Math.log2(numTables));
  out.writeUInt16BE(power * 16, 6); // searchRange, entrySelector, rangeShift
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let at = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + 16 * i);
    out.writeUInt32BE(t.checksum, 16 + 16 * i);
    out.writeUInt32BE(at, 20 + 16 * i);
    out.writeUInt32BE(t.data.length, 24 + 16 * i);
    t.data.copy(out, at);
    at += pad4(t.data.length);
  });
  return out;
}
