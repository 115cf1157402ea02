/**
 * Static images (chart SVGs and PNGs, social cards) are drawn and written in
 * worker threads, one per core, so drawing and file writes run beside page
 * rendering instead of in front of it (a profile of a cold build showed the
 * main thread spending 3 s of 20 in synchronous writes of finished images). Each worker runs src/lib/build/render-worker.ts straight from the
 * source tree (Node strips the types), outside the bundle Astro builds.
 * AIF_RENDER_WORKERS=0 draws in this thread instead (same code, no workers).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderJob } from './render-worker.ts';
import { processState } from './process-state.ts';

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not yet reported done. */
  inFlight: number;
}

/**
 * Jobs a worker holds at once: the one it draws and the next, waiting in its
 * message queue. With one, a worker sat idle after each image until the main
 * thread, busy rendering a page, got round to sending another: a cold build's
 * CPU use fell to 85–90% of the cores while pages rendered, with drawing left
 * over for after the last page.
 */
const PER_WORKER = 2;
interface Pending {
  job: RenderJob;
  path: string;
  resolve: () => void;
  reject: (error: Error) => void;
  slot?: Slot;
}

/** Shared by every copy of this module in the process (Astro bundles pages and loads integrations separately). */
interface PoolState {
  slots: Slot[];
  queue: Pending[];
  inFlight: Map<number, Pending>;
  nextId: number;
  broken?: string;
  /** The queue jobs are drawn in when there are no workers. */
  here?: (job: RenderJob, path: string) => Promise<void>;
}
const state = (): PoolState =>
  processState<PoolState>('render-pool', () => ({
    slots: [],
    queue: [],
    inFlight: new Map(),
    nextId: 0,
  }));

/** Number of workers: AIF_RENDER_WORKERS, else one per core. */
export function poolSize(): number {
  const set = Number(process.env.AIF_RENDER_WORKERS);
  return Number.isInteger(set) && set >= 0 ? set : Math.max(1, availableParallelism());
}

/**
 * The worker's source file. Inside Astro's bundle this module is a chunk under .astro/, so the
 * worker is read from the source tree under the project root (the build's working folder).
 */
export function workerFile(here = fileURLToPath(import.meta.url), cwd = process.cwd()): string | undefined {
  const candidates = [join(dirname(here), 'render-worker.ts'), join(cwd, 'src', 'lib', 'build', 'render-worker.ts')];
  return candidates.find((f) => f.includes(`${join('src', 'lib')}`) && existsSync(f));
}

function start(): void {
  if (state().slots.length > 0 || state().broken) return;
  const file = workerFile();
  if (!file) {
    state().broken = 'worker file not found';
    return;
  }
  for (let i = 0; i < poolSize(); i++) {
    const slot: Slot = { worker: new Worker(file, { workerData: { aifRenderWorker: true } }), inFlight: 0 };
    slot.worker.unref();
    slot.worker.on('message', (msg: { id: number; error?: string }) => {
      const p = state().inFlight.get(msg.id);
      state().inFlight.delete(msg.id);
      slot.inFlight--;
      if (p) {
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve();
      }
      pump();
    });
    // A worker that dies (an error, or an exit with a job still on it) takes its job with it, which fails
    // with the reason instead of leaving the build waiting for it; the rest of the pool carries on.
    const lose = (error: Error) => {
      if (!state().slots.includes(slot)) return;
      for (const [id, p] of state().inFlight) {
        if (p.slot !== slot) continue;
        state().inFlight.delete(id);
        p.reject(error);
      }
      state().slots = state().slots.filter((s) => s !== slot);
      if (state().slots.length === 0) state().broken = String(error);
      pump();
    };
    slot.worker.on('error', lose);
    slot.worker.on('exit', (code) => lose(new Error(`an image worker stopped (exit code ${code})`)));
    state().slots.push(slot);
  }
}

function pump(): void {
  for (const slot of state().slots) {
    while (slot.inFlight < PER_WORKER) {
      const next = state().queue.shift();
      if (!next) break;
      const id = state().nextId++;
      slot.inFlight++;
      next.slot = slot;
      state().inFlight.set(id, next);
      slot.worker.postMessage({ id, job: next.job, path: next.path });
    }
  }
  // Busy workers keep the process alive; idle ones must not.
  for (const slot of state().slots) {
    if (slot.inFlight > 0) slot.worker.ref();
    else slot.worker.unref();
  }
  if (state().slots.length === 0 && state().broken) {
    for (const p of state().queue.splice(0)) runHere(p);
  }
}

/** Without workers, jobs queue in this thread (render-worker.ts: jobQueue), one queue for the process. */
function runHere(p: Pending): void {
  import('./render-worker.ts').then((w) => (state().here ??= w.jobQueue())(p.job, p.path)).then(p.resolve, p.reject);
}

/** Stop every worker, as a crash would (tests): jobs still on them fail, and later jobs are drawn in this thread. */
export async function stopWorkers(): Promise<void> {
  await Promise.all(state().slots.map((s) => s.worker.terminate()));
}

/** Draw one image (see RenderJob) and write it to `path` (atomically); resolves when the file is there. */
export function renderToFile(job: RenderJob, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const pending: Pending = { job, path, resolve, reject };
    if (poolSize() === 0) return runHere(pending);
    start();
    state().queue.push(pending);
    pump();
  });
}
