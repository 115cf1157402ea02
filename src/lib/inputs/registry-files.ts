import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RegistryFiles } from '../figures/registry.ts';

/** Read every `*.yaml` / `*.yml` in a folder, sorted, with paths relative to `root`. */
export function readRegistryFiles(dir: string, root: string): RegistryFiles {
  const names = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const shown = (p: string) => (relative(root, p).startsWith('..') ? p : relative(root, p));
  return { files: names.map((n) => ({ path: shown(join(dir, n)), text: readFileSync(join(dir, n), 'utf8') })) };
}
