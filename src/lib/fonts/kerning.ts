/**
 * Kerning for a subset that the browser lays out itself (the live chart's web fonts; the SVG's
 * drawing places every glyph and needs none): the font's GPOS `kern` feature, read as pair
 * adjustments between the glyphs the subset keeps, and written as a `kern` table (format 0: a
 * sorted list of glyph pairs and values), which every shaper applies when a font has no GPOS.
 * A few hundred pairs for Latin text, instead of the GPOS table's 40 KB for the whole font.
 *
 * What a `kern` table can hold is kept: the horizontal advance that a pair adjustment (lookup
 * type 2, formats 1 and 2, directly or through an extension lookup) gives its first glyph. That is
 * all the chart font's kerning is; placements, device tables and lookups that skip marks between
 * the two glyphs have no place in the format and are left out.
 */
/** A font's bytes and where its tables are (ttf-subset.ts's ParsedFont is one). */
interface FontTables {
  data: Buffer;
  tables: ReadonlyMap<string, { offset: number }>;
}

/** Pair adjustments between these glyphs: `first * 65536 + second` → advance change in font units. */
export function kerningPairs(font: FontTables, glyphs: Iterable<number>): Map<number, number> {
  const gpos = font.tables.get('GPOS');
  const pairs = new Map<number, number>();
  if (!gpos) return pairs;
  const d = font.data;
  const u16 = (at: number) => d.readUInt16BE(at);
  const featureList = gpos.offset + u16(gpos.offset + 6);
  const lookupList = gpos.offset + u16(gpos.offset + 8);
  const lookups = new Set<number>();
  for (let i = 0; i < u16(featureList); i++) {
    const record = featureList + 2 + i * 6;
    if (d.toString('latin1', record, record + 4) !== 'kern') continue;
    const feature = featureList + u16(record + 4);
    for (let k = 0; k < u16(feature + 2); k++) lookups.add(u16(feature + 4 + k * 2));
  }
  const keep = [...new Set(glyphs)].sort((a, b) => a - b);
  const add = (key: number, value: number) => {
    if (value !== 0) pairs.set(key, (pairs.get(key) ?? 0) + value);
  };
  // Lookups apply one after another, each adding its value; within a lookup the first subtable that applies wins.
  for (const index of [...lookups].sort((a, b) => a - b)) {
    const lookup = lookupList + u16(lookupList + 2 + index * 2);
    const settled = new Set<number>();
    for (let s = 0; s < u16(lookup + 4); s++) {
      let sub = lookup + u16(lookup + 6 + s * 2);
      let type = u16(lookup);
      if (type === 9) [type, sub] = [u16(sub + 2), sub + d.readUInt32BE(sub + 4)];
      if (type !== 2) continue;
      const [format, coverage, format1, format2] = [u16(sub), sub + u16(sub + 2), u16(sub + 4), u16(sub + 6)];
      const record = 2 * (popcount(format1) + popcount(format2));
      // The first glyph's x advance sits after its x and y placement, when the value format has one.
      const advanceAt = format1 & 0x4 ? 2 * popcount(format1 & 0x3) : -1;
      for (const first of keep) {
        const covered = coverageIndex(d, coverage, first);
        if (covered < 0) continue;
        if (format === 1) {
          const set = sub + u16(sub + 10 + covered * 2);
          for (const second of keep) {
            const key = first * 65536 + second;
            if (settled.has(key)) continue;
            const at = findPair(d, set, second, 2 + record);
            if (at < 0) continue;
            settled.add(key);
            if (advanceAt >= 0) add(key, d.readInt16BE(at + 2 + advanceAt));
          }
        } else if (format === 2) {
          const [class1Count, class2Count] = [u16(sub + 12), u16(sub + 14)];
          const class1 = classOf(d, sub + u16(sub + 8), first);
          for (const second of keep) {
            const key = first * 65536 + second;
            const class2 = classOf(d, sub + u16(sub + 10), second);
            if (settled.has(key) || class1 >= class1Count || class2 >= class2Count) continue;
            settled.add(key);
            if (advanceAt >= 0)
              add(key, d.readInt16BE(sub + 16 + (class1 * class2Count + class2) * record + advanceAt));
          }
        }
      }
    }
  }
  return pairs;
}

/**
 * A `kern` table (version 0) of format 0 subtables holding these pairs, sorted as the format
 * requires; undefined when there are none. A subtable holds at most 10,920 pairs (its length is
 * 16 bits), so more are split over several, which add up as the format defines.
 */
export function kernTable(
  pairs: ReadonlyArray<readonly [left: number, right: number, value: number]>,
): Buffer | undefined {
  if (pairs.length === 0) return undefined;
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const PER_SUBTABLE = Math.floor((0xffff - 14) / 6);
  const chunks: Array<typeof sorted> = [];
  for (let i = 0; i < sorted.length; i += PER_SUBTABLE) chunks.push(sorted.slice(i, i + PER_SUBTABLE));
  const header = Buffer.alloc(4);
  header.writeUInt16BE(chunks.length, 2);
  const subtables = chunks.map((chunk) => {
    const sub = Buffer.alloc(14 + chunk.length * 6);
    const log = Math.floor(Math.log2(chunk.length));
    sub.writeUInt16BE(sub.length, 2);
    sub.writeUInt16BE(0x0001, 4); // horizontal kerning values, format 0
    sub.writeUInt16BE(chunk.length, 6);
    sub.writeUInt16BE(2 ** log * 6, 8);
    sub.writeUInt16BE(log, 10);
    sub.writeUInt16BE((chunk.length - 2 ** log) * 6, 12);
    chunk.forEach(([left, right, value], i) => {
      sub.writeUInt16BE(left, 14 + i * 6);
      sub.writeUInt16BE(right, 16 + i * 6);
      sub.writeInt16BE(value, 18 + i * 6);
    });
    return sub;
  });
  return Buffer.concat([header, ...subtables]);
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
}

/** The glyph's index in a coverage table (formats 1 and 2), or -1. */
function coverageIndex(d: Buffer, at: number, glyph: number): number {
  const count = d.readUInt16BE(at + 2);
  let [lo, hi] = [0, count - 1];
  if (d.readUInt16BE(at) === 1) {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = d.readUInt16BE(at + 4 + mid * 2);
      if (glyph < g) hi = mid - 1;
      else if (glyph > g) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = at + 4 + mid * 6;
    if (glyph < d.readUInt16BE(range)) hi = mid - 1;
    else if (glyph > d.readUInt16BE(range + 2)) lo = mid + 1;
    else return d.readUInt16BE(range + 4) + glyph - d.readUInt16BE(range);
  }
  return -1;
}

/** The glyph's class in a class definition table (formats 1 and 2); 0 for a glyph it does not list. */
function classOf(d: Buffer, at: number, glyph: number): number {
  if (d.readUInt16BE(at) === 1) {
    const start = d.readUInt16BE(at + 2);
    return glyph >= start && glyph < start + d.readUInt16BE(at + 4) ? d.readUInt16BE(at + 6 + (glyph - start) * 2) : 0;
  }
  let [lo, hi] = [0, d.readUInt16BE(at + 2) - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = at + 4 + mid * 6;
    if (glyph < d.readUInt16BE(range)) hi = mid - 1;
    else if (glyph > d.readUInt16BE(range + 2)) lo = mid + 1;
    else return d.readUInt16BE(range + 4);
  }
  return 0;
}

/** The offset of the pair value record for this second glyph in a pair set (sorted by second glyph), or -1. */
function findPair(d: Buffer, set: number, second: number, recordSize: number): number {
  let [lo, hi] = [0, d.readUInt16BE(set) - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = set + 2 + mid * recordSize;
    const g = d.readUInt16BE(at);
    if (second < g) hi = mid - 1;
    else if (second > g) lo = mid + 1;
    else return at;
  }
  return -1;
}
