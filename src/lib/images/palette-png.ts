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
 * `colours: 16` writes 4-bit indices for images of a few flat colours
 * (social cards), where 16 still leave every text edge a ramp. `'fit'`
 * takes 16 when the 16 most used colours already cover FEW_COLOURS_COVER of
 * the pixels (a chart of a few series: the others are edge pixels, moved to
 * their nearest), else 256.
 *
 * Returns undefined when a pixel is not opaque (the caller keeps the
 * full-colour PNG then).
 */
export function palettePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  { colours = 256 }: { colours?: 16 | 256 | 'fit' } = {},
): Buffer | undefined {
  if (rgba.length !== width * height * 4) throw new Error(`palettePng: ${rgba.length} bytes for ${width}×${height}`);
  // One 32-bit read per pixel; the colour is the low three bytes in memory order (see channels()).
  const pixels =
    rgba.byteOffset % 4 === 0
      ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height)
      : new Uint32Array(Uint8Array.from(rgba).buffer);
  const runs = colourRuns(pixels, width, height);
  if (!runs) return undefined;
  const counts = new Map<number, number>();
  for (let r = 0; r < runs.count; r++)
    counts.set(runs.colour[r]!, (counts.get(runs.colour[r]!) ?? 0) + runs.length[r]!);
  const byUse = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const maxColours = colours === 'fit' ? (fewColoursFit(byUse, width * height) ? 16 : 256) : colours;
  const palette = byUse.slice(0, maxColours).map(([c]) => c);
  const indexOf = new Map<number, number>(palette.map((c, i) => [c, i]));
  const nearest = nearestIn(palette);
  for (const c of counts.keys()) if (!indexOf.has(c)) indexOf.set(c, nearest(c));

  // Indices of 8 bits, or 4 (two pixels a byte, high nibble first) with 16 colours.
  const bits = maxColours <= 16 ? 4 : 8;
  const rowBytes = Math.ceil((width * bits) / 8);
  const raw = indexRows(runs, width, height, bits, rowBytes, indexOf);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bits; // bits per index
  header[9] = 3; // colour type: palette
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((c, i) => plte.set(channels(c), i * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: DEFLATE_LEVEL })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The share of an image's pixels its 16 most used colours must cover for `'fit'` to write 16. Measured on
 * the feed charts of a 1,000-article archive and the showcase's: the 16 cover 98.6–99.2 % (the rest are
 * anti-aliased edges of text and lines); with 4-bit indices a chart's file is 40 % smaller, and text drawn at
 * three times the size it is shown at reads the same.
 */
export const FEW_COLOURS_COVER = 0.985;

function fewColoursFit(byUse: ReadonlyArray<readonly [number, number]>, pixels: number): boolean {
  let covered = 0;
  for (let i = 0; i < 16 && i < byUse.length; i++) covered += byUse[i]![1];
  return covered >= FEW_COLOURS_COVER * pixels;
}

/**
 * zlib level 5. Measured on 40 social cards and 40 feed charts of a built
 * archive: against level 7, a card deflates in 1.3 ms instead of 2.7 ms for a
 * file 2.8% larger, a chart in 1.9 ms instead of 2.9 ms for the same size
 * (+0.1%); level 4 makes cards 6% larger, level 3 and below a quarter. At the
 * default level 9 this encoder was 60% of the drawing threads' time in a
 * cold build; at level 7 deflate was still 8% of all the build's CPU.
 */
const DEFLATE_LEVEL = 5;

/** An image as runs of one colour (the colour key: a pixel masked with RGB), none crossing the end of a row. */
interface Runs {
  colour: Uint32Array;
  length: Uint32Array;
  count: number;
}

/**
 * The one pass over the pixels: each row as runs of one colour, or undefined
 * when a pixel is not opaque. Counting colours and writing indices then work
 * on runs (most of an image is long runs of the background), not pixels.
 */
function colourRuns(pixels: Uint32Array, width: number, height: number): Runs | undefined {
  let colour = new Uint32Array(4096);
  let length = new Uint32Array(4096);
  let n = 0;
  for (let y = 0, i = 0; y < height; y++) {
    const rowEnd = i + width;
    while (i < rowEnd) {
      const v = pixels[i]!;
      if ((v & ALPHA) !== ALPHA) return undefined;
      const start = i++;
      while (i < rowEnd && pixels[i] === v) i++;
      if (n === colour.length) {
        const [c, l] = [new Uint32Array(n * 2), new Uint32Array(n * 2)];
        c.set(colour);
        l.set(length);
        [colour, length] = [c, l];
      }
      colour[n] = v & RGB;
      length[n++] = i - start;
    }
  }
  return { colour, length, count: n };
}

/** PNG scanlines (a filter byte, 0, then the row's indices at `bits` a pixel) from the runs. */
function indexRows(
  runs: Runs,
  width: number,
  height: number,
  bits: 4 | 8,
  rowBytes: number,
  indexOf: ReadonlyMap<number, number>,
): Buffer {
  const raw = Buffer.alloc((rowBytes + 1) * height); // zeros: every row's filter byte is 0 (none)
  let rowStart = 1;
  let x = 0;
  for (let r = 0; r < runs.count; r++) {
    const index = indexOf.get(runs.colour[r]!)!;
    const end = x + runs.length[r]!;
    if (bits === 8) raw.fill(index, rowStart + x, rowStart + end);
    else {
      // Two pixels a byte, the first in the high nibble: a lone pixel at each end, whole bytes between.
      let k = x;
      if (k & 1) raw[rowStart + (k++ >> 1)]! |= index;
      const pairsEnd = end & ~1;
      if (k < pairsEnd) raw.fill((index << 4) | index, rowStart + (k >> 1), rowStart + (pairsEnd >> 1));
      if (pairsEnd >= k && end & 1) raw[rowStart + (pairsEnd >> 1)]! |= index << 4;
    }
    x = end;
    if (x === width) {
      x = 0;
      rowStart += rowBytes + 1;
    }
  }
  return raw;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Masks for a pixel read as one 32-bit number: bytes R, G, B, A in memory. */
const ALPHA = LITTLE_ENDIAN ? 0xff000000 | 0 : 0xff;
const RGB = LITTLE_ENDIAN ? 0x00ffffff : 0xffffff00 | 0;

/** [r, g, b] of a colour key (a pixel masked with RGB). */
function channels(c: number): [number, number, number] {
  return LITTLE_ENDIAN ? [c & 255, (c >>> 8) & 255, (c >>> 16) & 255] : [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255];
}

/** The index of a colour's nearest palette entry (the first of equals), the palette's channels unpacked once: a thousand colours an image meet it. */
function nearestIn(palette: readonly number[]): (c: number) => number {
  const rgb = new Int32Array(palette.length * 3);
  palette.forEach((p, i) => rgb.set(channels(p), i * 3));
  return (c) => {
    const [r, g, b] = channels(c);
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0, k = 0; i < palette.length; i++, k += 3) {
      const dr = r - rgb[k]!;
      const dg = g - rgb[k + 1]!;
      const db = b - rgb[k + 2]!;
      const d = dr * dr + dg * dg + db * db;
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  };
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
