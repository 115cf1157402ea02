import { constants, copyFileSync, linkSync, readFileSync, rmSync, statSync } from 'node:fs';
import { matchesRecord } from './verified-cache.ts';

/**
 * Put a cached file into the output so that the two never share bytes: a write to one can never
 * change the other. Hard links into the cache did share them: garbage written into a cache file
 * changed the published site before any build ran, and an edit in `dist/` corrupted the cache.
 *
 * - When the last build's output (`previous`) holds the same file, and its bytes still hash to the
 *   cache's log line (verified-cache.ts), it is carried over as a hard link to that old output file:
 *   no bytes copied (a warm build publishes thousands of unchanged images; copying them all cost
 *   1.1–1.6 s of a 7 s warm build at 250 articles), and the old output is deleted once the new one
 *   is in place, so the link is the file's only other name for a moment. A file that is itself a
 *   link into the cache (as builds before this one made them) is never carried over.
 * - Otherwise it is copied from the cache, as a copy-on-write clone where the file system can make
 *   one (Btrfs, XFS, APFS; a plain copy elsewhere).
 */
export function publishFile(from: string, to: string, previous?: string): 'linked' | 'copied' {
  rmSync(to, { force: true });
  if (previous !== undefined && carriesOver(from, previous)) {
    try {
      linkSync(previous, to);
      return 'linked';
    } catch {
      // Another file system, or no hard links there: copy instead.
    }
  }
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
  return 'copied';
}

/** Whether `previous` (last build's copy of the cache file `from`) still holds exactly what the cache logged, and is not the cache file itself. */
function carriesOver(from: string, previous: string): boolean {
  let old: ReturnType<typeof statSync>;
  let cached: ReturnType<typeof statSync>;
  try {
    old = statSync(previous);
    cached = statSync(from);
  } catch {
    return false;
  }
  if (old.ino === cached.ino && old.dev === cached.dev) return false;
  return matchesRecord(from, readFileSync(previous));
}
