import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const decompress = require('wawoff2/decompress.js') as (font: Uint8Array) => Promise<Uint8Array | false>;

/** One decode at a time: the decoder's result lives in its WebAssembly memory until the next call. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Unwrap WOFF 2.0 back to the TrueType font (tests only), with Google's reference decoder
 * (the wawoff2 package: the woff2 library browsers build in, as WebAssembly). It rejects a file
 * a browser would reject.
 */
export function unwoff2(font: Buffer): Promise<Buffer> {
  const run = queue.then(async () => {
    if (font.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not WOFF 2.0');
    const ttf = await decompress(font);
    if (!ttf) throw new Error('the reference decoder rejects this WOFF 2.0 file');
    return Buffer.from(ttf);
  });
  queue = run.catch(() => undefined);
  return run;
}
