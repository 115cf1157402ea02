/**
 * Text read back from an image by OCR, as a reader's eye would get it from a screenshot: Tesseract's
 * LSTM engine (tesseract.js, WebAssembly) with the English model shipped by the pinned
 * `@tesseract.js-data/eng` package, read from node_modules (the language path is set, so nothing is
 * fetched; no cache file is written).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);
/** The folder holding eng.traineddata.gz (the "best_int" LSTM model). */
export const ENG_MODEL_DIR = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

let worker: Promise<Worker> | undefined;

/**
 * One worker for the run. Sparse-text segmentation: a chart's labels are scattered words among marks,
 * not lines of a page, and the default (one page of text blocks) drops most of them.
 */
function ocrWorker(): Promise<Worker> {
  worker ??= createWorker('eng', OEM.LSTM_ONLY, { langPath: ENG_MODEL_DIR, gzip: true, cacheMethod: 'none' }).then(
    async (w) => {
      await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
      return w;
    },
  );
  return worker;
}

/** The words OCR reads in a PNG, as normalised by `words`. */
export async function ocrWords(png: Buffer): Promise<Set<string>> {
  const { data } = await (await ocrWorker()).recognize(png);
  return new Set(words(data.text));
}

/** The words OCR reads in a PNG, as `ocrWords` gives them, and each word with its box in the image's pixels: one reading. */
export async function ocrRead(
  png: Buffer,
): Promise<{ words: Set<string>; boxes: Array<{ text: string; x0: number; y0: number; x1: number; y1: number }> }> {
  const { data } = await (await ocrWorker()).recognize(png, {}, { text: true, blocks: true });
  return {
    words: new Set(words(data.text)),
    boxes: (data.blocks ?? []).flatMap((b) =>
      b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => ({ text: w.text, ...w.bbox })))),
    ),
  };
}

/** Lower-case runs of letters and digits ("¥160 bn" → "160", "bn"; "49.2%" → "49", "2"), two characters or more. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2);
}

export async function stopOcr(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await (await w).terminate();
}
