/**
 * One worker of the image pool (src/lib/render-pool.ts): draws what it is
 * sent and posts the bytes back. `runJob` is also called directly when the
 * pool runs in-process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChartConfig } from './charts/config.ts';
import type { SocialCard } from './social/og-image.ts';

export type RenderJob =
  | { kind: 'chart-svg'; configs: { light: ChartConfig; dark: ChartConfig }; size: { width: number; height: number } }
  | { kind: 'chart-png'; config: ChartConfig; size: { width: number; height: number } }
  | { kind: 'social-card'; card: SocialCard };

// Loaded on first use, so importing this module for its types costs nothing.
export async function runJob(job: RenderJob): Promise<Uint8Array> {
  if (job.kind === 'social-card') return (await import('./social/og-image.ts')).renderSocialCard(job.card);
  const charts = await import('./charts/render-static.ts');
  if (job.kind === 'chart-svg') return Buffer.from(charts.renderChartSvg(job.configs, job.size), 'utf8');
  return charts.renderChartPng(job.config, job.size);
}

// Only as a pool worker (test runners also run code in worker threads).
const port = parentPort;
if (port && (workerData as { aifRenderWorker?: boolean } | null)?.aifRenderWorker) {
  port.on('message', ({ id, job }: { id: number; job: RenderJob }) => {
    runJob(job).then(
      (bytes) => port.postMessage({ id, bytes }),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
