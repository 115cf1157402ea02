/**
 * The figures registry built offline, the way `npm run check` needs it:
 * content/figures/ plus the last pulled copy of any remote source, validated
 * in memory. When it validates, the generated files (figures.json and the
 * typed ids) are written if they changed, so the type check and the build
 * find them on a fresh checkout too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/lib/build/atomic-write.ts';
import { buildRegistry, declaredRemotes, type LoadResult, type RegistryFiles } from '../../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../../src/lib/inputs/registry-files.ts';
import { generatedFiles } from '../../src/lib/figures/generated.ts';

/** Where `npm run figures` writes its output, relative to the project root. */
export const GENERATED_DIR = join('src', 'generated');

export interface PreparedFigures extends LoadResult {
  /** Whether the generated files were (re)written by this run. */
  wrote: boolean;
}

export function prepareFiguresOffline(root: string): PreparedFigures {
  const dir = join(root, 'content', 'figures');
  const empty = { figures: 0, series: 0, derived: 0, sources: 0, remotes: 0 };
  // A project without a registry still gets its figure ids checked: against an empty registry.
  if (!existsSync(dir))
    return {
      errors: [],
      discrepancies: [],
      warnings: [],
      stats: empty,
      registry: { figures: {}, series: {}, hash: '' },
      partial: { figures: {}, series: {}, hash: '' },
      broken: new Set(),
      wrote: false,
    };
  const input = readRegistryFiles(dir, root);
  const out = join(root, GENERATED_DIR);
  const result = buildRegistry(input, keptRemotes(root, input));
  if (!result.registry) return { ...result, wrote: false };
  const files = generatedFiles(result.registry);
  const wrote = [
    writeIfChanged(join(out, 'figures.json'), files.json),
    writeIfChanged(join(out, 'figure-ids.ts'), files.ids),
  ].some(Boolean);
  return { ...result, wrote };
}

/** The last pulled copy of each remote source the registry declares (by remote id). */
export function keptRemotes(root: string, input: RegistryFiles): Map<string, string> {
  const payloads = new Map<string, string>();
  for (const remote of declaredRemotes(input)) {
    const cached = join(root, GENERATED_DIR, 'remote-cache', `${remote.id}.${remote.format}`);
    if (existsSync(cached)) payloads.set(remote.id, readFileSync(cached, 'utf8'));
  }
  return payloads;
}

/** Write a file atomically unless it already holds exactly this text; true when written. */
export function writeIfChanged(path: string, data: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === data) return false;
  writeFileAtomic(path, data);
  return true;
}
