/**
 * The registry warnings a git commit already had, as the text `splitByBaseline` looks signatures up
 * in: the registry files as that commit holds them, validated offline like the working copy, and
 * their warnings (sources, stated-vs-computed, figures due for review on `now`).
 */
import { join } from 'node:path';
import { buildRegistry } from '../../src/lib/figures/registry.ts';
import { readRegistryFilesAt } from '../../src/lib/inputs/registry-files.ts';
import { isStale } from '../../src/lib/figures/staleness.ts';
import { registryDiagnostics, warningSignature } from '../../src/lib/lint/report.ts';
import { keptRemotes } from './prepare-figures.ts';

export function registryBaseline(root: string, ref: string, now: Date): { text: string; name: string } | undefined {
  const input = readRegistryFilesAt(join(root, 'content', 'figures'), root, ref);
  if (!input) return undefined;
  const result = buildRegistry(input, keptRemotes(root, input));
  const signatures = [
    ...registryDiagnostics([], result.discrepancies),
    ...result.warnings.map((w) => ({ rule: w.rule, message: w.message })),
    ...Object.values(result.partial.figures)
      .filter((f) => isStale(f, now))
      .map((f) => ({ rule: 'stale-figure', message: `Figure "${f.id}" was due for review` })),
  ].map(warningSignature);
  return { text: signatures.join('\n'), name: ref === 'HEAD' ? 'the last commit' : ref };
}
