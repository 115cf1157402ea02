import { createCanvas, loadImage } from '@napi-rs/canvas';

/** The site's SVG icon drawn as a square PNG (feed formats and readers want raster icons). */
export async function iconPng(svg: string, size: number): Promise<Buffer> {
  const image = await loadImage(Buffer.from(svg));
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  return canvas.encode('png');
}
