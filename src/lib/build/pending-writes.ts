/**
 * Image files that are being drawn in the background. A page needs only an
 * image's name (a content hash), not its bytes, so it schedules the drawing
 * and moves on; the build places each file as soon as it is written
 * (`placeAsWritten`) and waits for every scheduled file at the end
 * (`settleAll`), both in the chart-assets integration, and the dev server waits
 * for the one it is asked for. One list per process (process-state.ts).
 */
import { existsSync } from 'node:fs';
import { processState } from './process-state.ts';

const writes = () => processState('pending-writes', () => new Map<string, Promise<void>>());

/** Run `write()` (which writes `path`, atomically) unless the file exists or is already scheduled; resolves when the file is there. */
export function scheduleWrite(path: string, write: () => Promise<void>): Promise<void> {
  const existing = writes().get(path);
  if (existing) return existing;
  if (existsSync(path)) return Promise.resolve();
  const job = write();
  writes().set(path, job);
  // Errors are reported by whoever waits (the page that asked, or settleAll at the end).
  job.catch(() => undefined);
  return job;
}

/** The scheduled write of `path`, if there is one. */
export function pendingWrite(path: string): Promise<void> | undefined {
  return writes().get(path);
}

/** Wait for every scheduled write; throws one error naming every file that could not be drawn. */
export async function settleAll(): Promise<number> {
  const entries = [...writes()];
  const results = await Promise.allSettled(entries.map(([, p]) => p));
  const failed = results.flatMap((r, i) =>
    r.status === 'rejected'
      ? [`${entries[i]![0]}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`]
      : [],
  );
  writes().clear();
  if (failed.length > 0) throw new Error(`Could not draw ${failed.length} image(s):\n${failed.join('\n')}`);
  return entries.length;
}

/**
 * Call `place(from, to)` for every entry (cache file → output path) once its file is written: first the
 * files no drawing is under way for, then the drawn ones in the order they were scheduled, which is the
 * order the pool draws them in. Placing (a copy each) so runs while the pool still draws the rest,
 * instead of after the last drawing (a cold build at 1,000 articles places 7,500 files). Between files it
 * lets the event loop run now and then, since each finished drawing hands its worker the next job from
 * this thread. Stops at the first file whose drawing failed (`settleAll` names every failed drawing).
 * Says whether every entry was placed, and how long it waited for drawings.
 */
export async function placeAsWritten(
  entries: ReadonlyMap<string, string>,
  place: (from: string, to: string) => void,
): Promise<{ complete: boolean; waitedMs: number }> {
  const order = new Map([...writes().keys()].map((file, i) => [file, i]));
  const sorted = [...entries].sort(([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
  let waitedMs = 0;
  for (const [i, [from, to]] of sorted.entries()) {
    const writing = writes().get(from);
    if (writing) {
      const start = performance.now();
      const ok = await written(writing);
      waitedMs += performance.now() - start;
      if (!ok) return { complete: false, waitedMs };
    }
    place(from, to);
    if (i % PLACED_BETWEEN_TURNS === PLACED_BETWEEN_TURNS - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return { complete: true, waitedMs };
}

/** Whether a scheduled write succeeded (its error is settleAll's to report). */
const written = (write: Promise<void>): Promise<boolean> =>
  write.then(
    () => true,
    () => false,
  );

/** Files placed between two turns of the event loop. */
const PLACED_BETWEEN_TURNS = 16;
