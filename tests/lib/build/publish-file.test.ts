import { beforeEach, describe, expect, it } from 'vitest';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishFile } from '../../../src/lib/build/publish-file.ts';
import { forgetVerified, writeCacheFile } from '../../../src/lib/build/verified-cache.ts';

/** A cache folder with one logged file, the last build's output and the new one. */
function setup(): { cached: string; previous: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aif-publish-'));
  for (const d of ['cache', 'previous', 'out']) mkdirSync(join(dir, d));
  const cached = join(dir, 'cache', 'chart.svg');
  writeCacheFile(cached, '<svg>drawn</svg>');
  return { cached, previous: join(dir, 'previous', 'chart.svg'), out: join(dir, 'out', 'chart.svg') };
}

const ino = (path: string) => statSync(path).ino;

beforeEach(() => forgetVerified());

describe('publishFile', () => {
  it('copies from the cache when there is no earlier output: a write to either file leaves the other as it was', () => {
    const { cached, out } = setup();
    writeFileSync(out, 'stale');
    expect(publishFile(cached, out)).toBe('copied');
    expect(ino(out)).not.toBe(ino(cached));
    expect(readFileSync(out, 'utf8')).toBe('<svg>drawn</svg>');
    writeFileSync(cached, 'garbage', { flag: 'r+' });
    expect(readFileSync(out, 'utf8')).toBe('<svg>drawn</svg>');
    writeFileSync(out, 'edited in dist', { flag: 'r+' });
    expect(readFileSync(cached, 'utf8')).toBe('garbageawn</svg>');
  });

  it("carries over the last build's copy when it still holds what the cache logged (no bytes copied, never the cache's inode)", () => {
    const { cached, previous, out } = setup();
    writeFileSync(previous, '<svg>drawn</svg>');
    expect(publishFile(cached, out, previous)).toBe('linked');
    expect(ino(out)).toBe(ino(previous));
    expect(ino(out)).not.toBe(ino(cached));
    writeFileSync(cached, 'garbage', { flag: 'r+' });
    expect(readFileSync(out, 'utf8')).toBe('<svg>drawn</svg>');
  });

  it("copies from the cache when the last build's copy was changed (same size, edited in place)", () => {
    const { cached, previous, out } = setup();
    writeFileSync(previous, '<svg>DRAWN</svg>');
    expect(publishFile(cached, out, previous)).toBe('copied');
    expect(readFileSync(out, 'utf8')).toBe('<svg>drawn</svg>');
    expect(ino(out)).not.toBe(ino(previous));
  });

  it('never carries over an earlier output file that is a hard link into the cache (as older builds made them)', () => {
    const { cached, previous, out } = setup();
    linkSync(cached, previous);
    expect(publishFile(cached, out, previous)).toBe('copied');
    expect(ino(out)).not.toBe(ino(cached));
  });

  it('copies when the earlier output is missing', () => {
    const { cached, previous, out } = setup();
    expect(publishFile(cached, out, previous)).toBe('copied');
    expect(readFileSync(out, 'utf8')).toBe('<svg>drawn</svg>');
  });
});
