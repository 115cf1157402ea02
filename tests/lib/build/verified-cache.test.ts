import { beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkCacheFile,
  DIGEST_LOG,
  ensureCacheFile,
  forgetVerified,
  loggedFiles,
  logLine,
  rejectedFiles,
  reuseCacheFile,
  writeCacheFile,
} from '../../../src/lib/build/verified-cache.ts';

const cacheDir = () => mkdtempSync(join(tmpdir(), 'aif-verified-'));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>¥200 bn</text></svg>';

/** A file written and logged by "an earlier build" (this process then forgets it checked it). */
function cached(dir: string, name = 'chart-0123456789abcdef.svg', data = SVG): string {
  const path = join(dir, name);
  writeCacheFile(path, data);
  forgetVerified();
  return path;
}

beforeEach(() => forgetVerified());

describe('verified cache', () => {
  it('reuses a file whose bytes are what its log line says', () => {
    const path = cached(cacheDir());
    expect(checkCacheFile(path)).toBe('ok');
    expect(reuseCacheFile(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(SVG);
    expect(rejectedFiles()).toEqual([]);
  });

  const damage: Array<[string, (path: string) => void]> = [
    ['truncated', (p) => writeFileSync(p, SVG.slice(0, 10))],
    ['zero bytes', (p) => writeFileSync(p, '')],
    ['garbage of another size', (p) => writeFileSync(p, Buffer.alloc(3000, 0xa5))],
    // The same size, one byte changed in place (as a write through a hard link from an old dist/ does).
    ['changed in place', (p) => writeFileSync(p, SVG.replace('200', '900'), { flag: 'r+' })],
  ];
  for (const [what, spoil] of damage) {
    it(`rejects a ${what} file: deleted, reported, not reused`, () => {
      const path = cached(cacheDir());
      spoil(path);
      expect(checkCacheFile(path)).toBe('corrupt');
      expect(reuseCacheFile(path)).toBe(false);
      expect(existsSync(path)).toBe(false);
      expect(rejectedFiles()).toEqual([path]);
    });
  }

  it('drops a file the log does not know (an older cache, or a kill before logging) without reporting it', () => {
    const dir = cacheDir();
    const path = join(dir, 'og-0123456789abcdef.png');
    writeFileSync(path, 'png bytes');
    expect(checkCacheFile(path)).toBe('unknown');
    expect(reuseCacheFile(path)).toBe(false);
    expect(existsSync(path)).toBe(false);
    expect(rejectedFiles()).toEqual([]);
    expect(reuseCacheFile(join(dir, 'never-written.svg'))).toBe(false);
  });

  it('reads lines appended by other writers, ignores a line cut short, and counts a name by its last line', () => {
    const dir = cacheDir();
    const a = cached(dir, 'a.svg', 'first');
    expect(reuseCacheFile(a)).toBe(true);
    // Another build logs b.svg, then a.svg with new bytes; a kill cuts a third line short.
    writeFileSync(join(dir, 'b.svg'), 'bee');
    writeFileSync(join(dir, 'a.svg'), 'second');
    appendFileSync(join(dir, DIGEST_LOG), logLine('b.svg', 'bee') + logLine('a.svg', 'second'));
    writeFileSync(join(dir, 'c.svg'), 'sea');
    appendFileSync(join(dir, DIGEST_LOG), logLine('c.svg', 'sea').slice(0, 30));
    forgetVerified();
    expect(reuseCacheFile(join(dir, 'b.svg'))).toBe(true);
    expect(reuseCacheFile(join(dir, 'a.svg'))).toBe(true);
    expect(checkCacheFile(join(dir, 'c.svg'))).toBe('unknown');
    expect(loggedFiles(dir).sort()).toEqual([join(dir, 'a.svg'), join(dir, 'b.svg')]);
    // The cut line completed later is read then.
    appendFileSync(join(dir, DIGEST_LOG), logLine('c.svg', 'sea').slice(30));
    expect(checkCacheFile(join(dir, 'c.svg'))).toBe('ok');
  });

  it('checks each file once per process, but notices one deleted since', () => {
    const path = cached(cacheDir());
    expect(reuseCacheFile(path)).toBe(true);
    // Changed after this process checked it: the process keeps its answer (files are checked before use, once).
    writeFileSync(path, SVG.replace('200', '900'), { flag: 'r+' });
    expect(reuseCacheFile(path)).toBe(true);
    writeFileSync(path, 'x');
    forgetVerified();
    expect(reuseCacheFile(path)).toBe(false);
    writeCacheFile(path, SVG);
    forgetVerified();
    expect(reuseCacheFile(path)).toBe(true);
    rmSync(path);
    expect(reuseCacheFile(path)).toBe(false);
  });

  it('ensureCacheFile leaves a file that already holds the data as logged, and rewrites a stale or damaged one', () => {
    const dir = cacheDir();
    const path = join(dir, 'chart-0123456789abcdef.csv');
    ensureCacheFile(path, 'label,value\nA,1\n');
    const mtime = statSync(path).mtimeMs;
    forgetVerified();
    ensureCacheFile(path, 'label,value\nA,1\n');
    expect(statSync(path).mtimeMs).toBe(mtime);
    // Written by an older version of the CSV code under the same name: rewritten.
    ensureCacheFile(path, "label,value\n'=A,1\n");
    expect(readFileSync(path, 'utf8')).toBe("label,value\n'=A,1\n");
    forgetVerified();
    writeFileSync(path, 'garbage!!', { flag: 'r+' });
    ensureCacheFile(path, "label,value\n'=A,1\n");
    expect(readFileSync(path, 'utf8')).toBe("label,value\n'=A,1\n");
    expect(rejectedFiles()).toEqual([path]);
  });
});
