/**
 * Image files that are being drawn in the background. A page needs only an
 * image's name (a content hash), not its bytes, so it schedules the drawing
 * and moves on; the build waits for every scheduled file at the end
 * (`settleAll`, in the chart-assets integration) and the dev server waits
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
