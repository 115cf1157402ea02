import { crc32, deflateSync } from 'node:zlib';

/**
 * A PNG with a palette of at most 256 colours (PNG colour type 3) from opaque
 * RGBA pixels. Social cards and chart PNGs (feeds, email) are a few flat
 * colours and the anti-aliased edges of text and lines: about a thousand
 * distinct colours, most of them a handful of pixels each. With every colour
 * mapped to the nearest of the 256 most used ones, the file is a third to a
 * half of the full-colour PNG the canvas writes, and the difference is not
 * visible (edge pixels move by a few levels). Social sites, feed readers and
 * mail clients take palette PNGs like any other PNG.
 *
 * Returns undefined when a pixel is not opaque (the caller keeps the
 * full-colour PNG then).
 */
export function palettePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer | undefined {
  if (rgba.length !== width * height * 4) throw new Error(`palettePng: ${rgba.length} bytes for ${width}×${height}`);
  const counts = new Map<number, number>();
  // Counted by runs of one colour: most of an image is long runs of the background.
  let run = -1;
  let length = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] !== 255) return undefined;
    const c = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    if (c === run) {
      length++;
      continue;
    }
    if (length) counts.set(run, (counts.get(run) ?? 0) + length);
    [run, length] = [c, 1];
  }
  if (length) counts.set(run, (counts.get(run) ?? 0) + length);
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 256)
    .map(([c]) => c);
  const indexOf = new Map<number, number>(palette.map((c, i) => [c, i]));
  for (const c of counts.keys()) if (!indexOf.has(c)) indexOf.set(c, nearest(c, palette));

  const raw = Buffer.alloc((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  for (let y = 0, p = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none (it compresses palette indices best)
    for (let x = 0; x < width; x++, p += 4) {
      const c = (rgba[p]! << 16) | (rgba[p + 1]! << 8) | rgba[p + 2]!;
      if (c !== last) [last, lastIndex] = [c, indexOf.get(c)!];
      raw[y * (width + 1) + 1 + x] = lastIndex;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: palette
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((c, i) => {
    plte[i * 3] = c >> 16;
    plte[i * 3 + 1] = (c >> 8) & 255;
    plte[i * 3 + 2] = c & 255;
  });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function nearest(c: number, palette: readonly number[]): number {
  const r = c >> 16;
  const g = (c >> 8) & 255;
  const b = c & 255;
  let best = 0;
  let bestDistance = Infinity;
  palette.forEach((p, i) => {
    const d = (r - (p >> 16)) ** 2 + (g - ((p >> 8) & 255)) ** 2 + (b - (p & 255)) ** 2;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
