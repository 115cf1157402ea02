/**
 * Nothing is taken from the build cache on trust. Every file written into a cache folder is
 * recorded in that folder's log, `.digests`: one line per file with its size and the SHA-256 of its
 * bytes, appended by whoever wrote it (a worker of the image pool, the web-font cutter, the chart
 * data files, the search index, the build for Astro's font cache). A cached file is reused only when
 * its bytes hash to what the log says. Anything else is dropped and made again:
 *
 * - a file the log does not know (written by an older version, or by a build killed between
 *   writing it and logging it) is deleted and redrawn without comment;
 * - a file that differs from its line (truncated, zero bytes, garbage, edited in place, through a
 *   hard link from an old `dist/` or by hand) is deleted, redrawn and *rejected*: the build summary
 *   names each one (build-stats.ts).
 *
 * Appends are single `write` calls on a file opened for appending, so lines from worker threads
 * and from other builds sharing the cache do not mix; a line cut short by a kill is ignored (its
 * file is then unknown, so redrawn). A name logged twice counts by its last line.
 *
 * Hashing is cheap next to drawing (4–5 ms per MB), and each file is checked once per process.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { processState } from './process-state.ts';

/** The log's name inside each cache folder. */
export const DIGEST_LOG = '.digests';

export interface Recorded {
  size: number;
  sha256: string;
}

interface Log {
  /** Bytes of the log file read so far (up to the last whole line). */
  read: number;
  entries: Map<string, Recorded>;
}

const logs = () => processState('cache-logs', () => new Map<string, Log>());
/** Files this process has checked (or written) and found as logged. */
const verified = () => processState('cache-verified', () => new Set<string>());
/** Files that failed their check in this process, for the build's summary. */
export const rejectedFiles = (): string[] => processState('cache-rejected', () => [] as string[]);

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The folder's log, with any lines appended since it was last read. */
function logOf(dir: string): Log {
  let log = logs().get(dir);
  if (!log) logs().set(dir, (log = { read: 0, entries: new Map() }));
  const file = join(dir, DIGEST_LOG);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return log;
  }
  if (size < log.read) {
    // Rewritten whole (recordFontCache) or deleted and begun again: read it from the start.
    log.read = 0;
    log.entries.clear();
  }
  if (size === log.read) return log;
  const fd = openSync(file, 'r');
  const bytes = Buffer.alloc(size - log.read);
  try {
    readSync(fd, bytes, 0, bytes.length, log.read);
  } finally {
    closeSync(fd);
  }
  const whole = bytes.lastIndexOf(0x0a) + 1;
  for (const line of bytes.subarray(0, whole).toString('utf8').split('\n')) {
    const m = /^(\d+) ([0-9a-f]{64}) (.+)$/.exec(line);
    if (m) log.entries.set(m[3]!, { size: Number(m[1]), sha256: m[2]! });
  }
  log.read += whole;
  return log;
}

/** What the log says `path` holds, if it says anything. */
export function recorded(path: string): Recorded | undefined {
  return logOf(dirname(path)).entries.get(basename(path));
}

/** The files the log of folder `dir` names (paths). */
export function loggedFiles(dir: string): string[] {
  return [...logOf(dir).entries.keys()].map((name) => join(dir, name));
}

/** A line of the log: the file's size, the SHA-256 of its bytes, its name. */
export function logLine(name: string, data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return `${bytes.length} ${sha256(bytes)} ${name}\n`;
}

/** Log `data` as the content of `path` (already written). */
export function recordFile(path: string, data: string | Uint8Array): void {
  appendFileSync(join(dirname(path), DIGEST_LOG), logLine(basename(path), data));
  verified().add(path);
}

/** Write a cache file (atomically, readers never see half of it) and log it. */
export function writeCacheFile(path: string, data: string | Uint8Array): void {
  writeFileAtomic(path, data);
  recordFile(path, data);
}

/** Whether `bytes` are what the log says `path` holds. */
export function matchesRecord(path: string, bytes: Uint8Array): boolean {
  const want = recorded(path);
  return want !== undefined && want.size === bytes.length && want.sha256 === sha256(bytes);
}

export type CacheCheck = 'ok' | 'missing' | 'unknown' | 'corrupt';

/** Compare a cached file with its log line, without changing anything. */
export function checkCacheFile(path: string): CacheCheck {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return 'missing';
  }
  const want = recorded(path);
  if (!want) return 'unknown';
  return want.size === bytes.length && want.sha256 === sha256(bytes) ? 'ok' : 'corrupt';
}

/**
 * True when `path` is in the cache as logged, so it can be used as it is. Otherwise it is not
 * there afterwards: an unknown or corrupt file is deleted (a corrupt one is also added to
 * `rejectedFiles()`), and the caller makes it again. Checked once per process.
 */
export function reuseCacheFile(path: string): boolean {
  if (verified().has(path)) {
    if (existsSync(path)) return true;
    verified().delete(path);
  }
  const state = checkCacheFile(path);
  if (state === 'ok') {
    verified().add(path);
    return true;
  }
  if (state === 'missing') return false;
  rmSync(path, { force: true });
  if (state === 'corrupt') rejectedFiles().push(path);
  return false;
}

/**
 * Make sure the cache file `path` holds `data` (a file the caller has in hand, such as a chart's CSV):
 * left alone when it already does as logged, else written and logged.
 */
export function ensureCacheFile(path: string, data: string | Uint8Array): void {
  if (recorded(path)?.sha256 === sha256(data) && reuseCacheFile(path)) return;
  writeCacheFile(path, data);
}

/** Forget what this process verified (after files were changed behind its back: tests). */
export function forgetVerified(): void {
  verified().clear();
  logs().clear();
  rejectedFiles().length = 0;
}
