/**
 * One worker of the image pool (src/lib/build/render-pool.ts): draws what it is
 * sent, writes the file and reports back. `writeJob` is also called directly
 * when the pool runs in-process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileAtomic } from './atomic-write.ts';
import type { ChartConfig } from '../charts/config.ts';
import type { ChartFrame, ChartLayout } from '../charts/render-static.ts';
import type { SocialCard } from '../social/og-image.ts';

export type RenderJob =
  | { kind: 'chart-svg'; layouts: { wide: ChartLayout; narrow: ChartLayout }; frame: ChartFrame }
  | { kind: 'chart-png'; config: ChartConfig; size: { width: number; height: number } }
  | { kind: 'social-card'; card: SocialCard };

// Loaded on first use, so importing this module for its types costs nothing.
export async function runJob(job: RenderJob): Promise<Uint8Array> {
  if (job.kind === 'social-card') return (await import('../social/og-image.ts')).renderSocialCard(job.card);
  const charts = await import('../charts/render-static.ts');
  if (job.kind === 'chart-svg') return Buffer.from(charts.renderChartSvg(job.layouts, job.frame), 'utf8');
  return charts.renderChartPng(job.config, job.size);
}

/** Draw `job` and write it to `path` atomically (readers never see half a file). */
export async function writeJob(job: RenderJob, path: string): Promise<void> {
  writeFileAtomic(path, await runJob(job));
}

/**
 * A queue that draws and writes jobs one after another (drawings share the
 * thread's canvases), each from a fresh turn of the event loop: the canvas
 * frees the pixels it hands out (getImageData, 4 MB for a feed PNG) in
 * callbacks queued there, so jobs chained straight after one another kept
 * every image's pixels (1.3 GB for 300 images). Used by each pool worker and,
 * without workers, by the pool in its own thread.
 */
export function jobQueue(): (job: RenderJob, path: string) => Promise<void> {
  let tail: Promise<unknown> = Promise.resolve();
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  return (job, path) => {
    const done = tail.then(nextTurn).then(() => writeJob(job, path));
    tail = done.catch(() => undefined);
    return done;
  };
}

// Only as a pool worker (test runners also run code in worker threads).
const port = parentPort;
if (port && (workerData as { aifRenderWorker?: boolean } | null)?.aifRenderWorker) {
  // The pool sends the next job before this one is done (render-pool.ts: PER_WORKER).
  const enqueue = jobQueue();
  port.on('message', ({ id, job, path }: { id: number; job: RenderJob; path: string }) => {
    enqueue(job, path).then(
      () => port.postMessage({ id }),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
