import { copyFileSync, linkSync, rmSync } from 'node:fs';

/**
 * Put a cached file into the output as a hard link (no bytes copied: at
 * archive scale copying every chart from the cache was a quarter of a warm
 * build), or as a copy where a link cannot be made (cache on another
 * filesystem, a filesystem without hard links). The cache only ever replaces
 * its files by renaming new ones over them, so a linked output file never
 * changes afterwards.
 */
export function linkOrCopy(
  from: string,
  to: string,
  link: (from: string, to: string) => void = linkSync,
): 'linked' | 'copied' {
  rmSync(to, { force: true });
  try {
    link(from, to);
    return 'linked';
  } catch {
    copyFileSync(from, to);
    return 'copied';
  }
}
