import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RegistryFiles } from '../figures/registry.ts';

/** Read every `*.yaml` / `*.yml` in a folder, sorted, with paths relative to `root`. */
export function readRegistryFiles(dir: string, root: string): RegistryFiles {
  const names = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const shown = (p: string) => (relative(root, p).startsWith('..') ? p : relative(root, p));
  return { files: names.map((n) => ({ path: shown(join(dir, n)), text: readFileSync(join(dir, n), 'utf8') })) };
}

/**
 * The registry files as a git commit holds them (`HEAD` by default), with the same paths as
 * readRegistryFiles gives; undefined when `root` is not in a git work tree, git is missing, or the
 * commit has no such folder. Read with one `git` process (`cat-file --batch`).
 */
export function readRegistryFilesAt(dir: string, root: string, ref = 'HEAD'): RegistryFiles | undefined {
  const folder = relative(root, dir).split(sep).join('/');
  const list = spawnSync('git', ['ls-tree', '--name-only', `${ref}:./${folder}`], { cwd: root, encoding: 'utf8' });
  if (list.status !== 0) return undefined;
  const names = list.stdout
    .split('\n')
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const batch = spawnSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: names.map((n) => `${ref}:./${folder}/${n}\n`).join(''),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (batch.status !== 0) return undefined;
  const out = batch.stdout;
  const files: RegistryFiles['files'] = [];
  let at = 0;
  for (const name of names) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.toString('utf8', at, headerEnd).split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size)) return undefined;
    files.push({ path: `${folder}/${name}`, text: out.toString('utf8', headerEnd + 1, headerEnd + 1 + size) });
    at = headerEnd + 1 + size + 1;
  }
  return { files };
}
