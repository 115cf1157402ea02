import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkOrCopy } from '../../../src/lib/build/link-or-copy.ts';

describe('linkOrCopy', () => {
  it('links the file (same inode, no bytes copied), replacing what was there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-link-'));
    writeFileSync(join(dir, 'cached.svg'), '<svg/>');
    writeFileSync(join(dir, 'out.svg'), 'stale');
    expect(linkOrCopy(join(dir, 'cached.svg'), join(dir, 'out.svg'))).toBe('linked');
    expect(statSync(join(dir, 'out.svg')).ino).toBe(statSync(join(dir, 'cached.svg')).ino);
    expect(readFileSync(join(dir, 'out.svg'), 'utf8')).toBe('<svg/>');
  });

  it('keeps the output as it was when the cache renames a new file over its entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-link-'));
    writeFileSync(join(dir, 'cached.svg'), 'first');
    linkOrCopy(join(dir, 'cached.svg'), join(dir, 'out.svg'));
    writeFileSync(join(dir, 'new.tmp'), 'second');
    renameSync(join(dir, 'new.tmp'), join(dir, 'cached.svg'));
    expect(readFileSync(join(dir, 'out.svg'), 'utf8')).toBe('first');
  });

  it('copies when a link cannot be made (another filesystem)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-link-'));
    writeFileSync(join(dir, 'cached.svg'), '<svg/>');
    const crossDevice = () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    expect(linkOrCopy(join(dir, 'cached.svg'), join(dir, 'out.svg'), crossDevice)).toBe('copied');
    expect(statSync(join(dir, 'out.svg')).ino).not.toBe(statSync(join(dir, 'cached.svg')).ino);
    expect(readFileSync(join(dir, 'out.svg'), 'utf8')).toBe('<svg/>');
  });
});
