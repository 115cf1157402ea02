import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { palettePng } from '../../../src/lib/images/palette-png.ts';
import { renderSocialCard, socialCardPixels } from '../../../src/lib/social/og-image.ts';
import { registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';

/** Decode a PNG with the canvas library's own decoder, to RGBA. */
async function pixels(png: Buffer, width: number, height: number): Promise<Uint8ClampedArray> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(await loadImage(png), 0, 0);
  return ctx.getImageData(0, 0, width, height).data;
}

describe('palette PNG', () => {
  it('keeps an image of up to 256 colours exactly', async () => {
    const canvas = createCanvas(64, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fbfaf7';
    ctx.fillRect(0, 0, 64, 40);
    for (let i = 0; i < 200; i++) {
      ctx.fillStyle = `rgb(${i}, ${255 - i}, ${(i * 7) % 256})`;
      ctx.fillRect((i % 16) * 4, Math.floor(i / 16) * 3, 4, 3);
    }
    const source = ctx.getImageData(0, 0, 64, 40).data;
    const png = palettePng(source, 64, 40)!;
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png[25]).toBe(3); // colour type: palette
    expect([...(await pixels(png, 64, 40))]).toEqual([...source]);
  });

  const card = {
    kicker: 'AI Frontier · Issue 412',
    title: 'ByteDance bets ¥200 billion on AI infrastructure 火山引擎和阿里云 as token prices keep falling',
    figure: '¥200 bn',
    figureLabel: 'Capital spending planned for 2026 on AI data centres',
    footer: '2 March 2026 · ai-frontier.example.com',
  };

  /** Mean and worst difference per channel byte between two RGBA arrays. */
  const difference = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
    let worst = 0;
    let total = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(a[i]! - b[i]!);
      worst = Math.max(worst, d);
      total += d;
    }
    return { mean: total / a.length, worst };
  };

  it('maps a card of many anti-aliased colours to 256, close to the original and much smaller', async () => {
    registerChartFonts();
    const reference = new Uint8ClampedArray(socialCardPixels(card));
    expect(new Set(colours(reference)).size).toBeGreaterThan(256);
    const png = palettePng(reference, 1200, 630)!;
    expect(png[24]).toBe(8); // bits per index
    expect(png[25]).toBe(3); // colour type: palette
    const { mean, worst } = difference(reference, await pixels(png, 1200, 630));
    expect(mean).toBeLessThan(0.1);
    expect(worst).toBeLessThan(64);
    const fullPng = await canvasOf(reference).encode('png');
    expect(png.length).toBeLessThan(fullPng.length * 0.6);
  });

  it('draws social cards in 16 colours at 4 bits a pixel: edges a little coarser, the file 60% of the 256-colour one', async () => {
    const png = await renderSocialCard(card);
    expect(png[24]).toBe(4);
    expect(png[25]).toBe(3);
    const reference = new Uint8ClampedArray(socialCardPixels(card));
    const { mean, worst } = difference(reference, await pixels(png, 1200, 630));
    expect(mean).toBeLessThan(0.3);
    expect(worst).toBeLessThan(64);
    expect(png.length).toBeLessThan(palettePng(reference, 1200, 630)!.length * 0.7);
  });

  it('packs 4-bit indices two to a byte, high nibble first, odd widths included', async () => {
    const canvas = createCanvas(5, 3);
    const ctx = canvas.getContext('2d');
    const fills = ['#000000', '#ff0000', '#00ff00', '#0000ff', '#ffffff'];
    fills.forEach((f, x) => {
      ctx.fillStyle = f;
      ctx.fillRect(x, 0, 1, 3);
    });
    const source = ctx.getImageData(0, 0, 5, 3).data;
    const png = palettePng(source, 5, 3, { colours: 16 })!;
    expect(png[24]).toBe(4);
    expect([...(await pixels(png, 5, 3))]).toEqual([...source]);
  });

  describe("'fit': 16 colours when the 16 most used cover the image but its edges", () => {
    /** A 100×100 image: `flat` colours in equal bands, then `edges` pixels each of a colour of its own. */
    function bands(flat: number, edges: number): Uint8ClampedArray {
      const rgba = new Uint8ClampedArray(100 * 100 * 4).fill(255);
      for (let i = 0; i < 100 * 100; i++) {
        const band = Math.floor((i / (100 * 100)) * flat);
        rgba.set([band * 9, 200 - band * 5, 40 + band * 3], i * 4);
      }
      for (let e = 0; e < edges; e++) rgba.set([255 - (e % 200), e % 97, 128 + (e % 113)], ((e * 37) % 10_000) * 4);
      return rgba;
    }

    it('takes 4-bit indices for a few flat colours with 1.4 % of edge pixels', async () => {
      const source = bands(10, 140);
      const png = palettePng(source, 100, 100, { colours: 'fit' })!;
      expect(png[24]).toBe(4);
      // The flat colours survive exactly; only the edge pixels move.
      const out = await pixels(png, 100, 100);
      let moved = 0;
      for (let i = 0; i < out.length; i += 4) if (out[i] !== source[i] || out[i + 1] !== source[i + 1]) moved++;
      expect(moved).toBeLessThanOrEqual(140);
    });

    it('keeps 256 when the 16 most used leave more than 1.5 % out', () => {
      expect(palettePng(bands(10, 160), 100, 100, { colours: 'fit' })![24]).toBe(8);
      // Twenty equal bands: the 16 most used cover 80 %.
      expect(palettePng(bands(20, 0), 100, 100, { colours: 'fit' })![24]).toBe(8);
    });
  });

  it('declines an image with transparent pixels', () => {
    const rgba = new Uint8ClampedArray(4 * 4 * 4).fill(255);
    rgba[7] = 128;
    expect(palettePng(rgba, 4, 4)).toBeUndefined();
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => palettePng(new Uint8ClampedArray(12), 2, 2)).toThrow(/12 bytes for 2×2/);
  });
});

function colours(rgba: Uint8ClampedArray): number[] {
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) out.push((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!);
  return out;
}

function canvasOf(rgba: Uint8ClampedArray) {
  const canvas = createCanvas(1200, 630);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(1200, 630);
  image.data.set(rgba);
  ctx.putImageData(image, 0, 0);
  return canvas;
}
