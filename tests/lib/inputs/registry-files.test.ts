import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistryFiles, readRegistryFilesAt } from '../../../src/lib/inputs/registry-files.ts';

const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });

describe('the registry files as a commit holds them', () => {
  it('reads every yaml of the folder at HEAD, with the same paths as the working copy', () => {
    const root = mkdtempSync(join(tmpdir(), 'aif-git-'));
    const dir = join(root, 'content', 'figures');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'b.yaml'), 'figures: []\n# ¥ and 豆包 survive\n');
    writeFileSync(join(dir, 'a.yml'), 'sources: {}\n');
    writeFileSync(join(dir, 'README.md'), 'not a registry file');
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'one');
    writeFileSync(join(dir, 'b.yaml'), 'figures: [] # changed\n');
    writeFileSync(join(dir, 'c.yaml'), 'series: []\n');
    expect(readRegistryFilesAt(dir, root)).toEqual({
      files: [
        { path: 'content/figures/a.yml', text: 'sources: {}\n' },
        { path: 'content/figures/b.yaml', text: 'figures: []\n# ¥ and 豆包 survive\n' },
      ],
    });
    expect(readRegistryFiles(dir, root).files.map((f) => f.path)).toEqual([
      'content/figures/a.yml',
      'content/figures/b.yaml',
      'content/figures/c.yaml',
    ]);
  });

  it('gives nothing outside a git work tree, or for a commit that does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'aif-nogit-'));
    mkdirSync(join(root, 'content', 'figures'), { recursive: true });
    expect(readRegistryFilesAt(join(root, 'content', 'figures'), root)).toBeUndefined();
    git(root, 'init', '-q');
    expect(readRegistryFilesAt(join(root, 'content', 'figures'), root, 'no-such-branch')).toBeUndefined();
  });
});
