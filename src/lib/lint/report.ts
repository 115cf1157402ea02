import type { ContentError } from '../errors.ts';
import type { Discrepancy } from '../figures/consistency.ts';
import type { Diagnostic } from './diagnostic.ts';

/** Rules about the figures registry itself (not about what an author writes in an article). */
const REGISTRY_WARNING_RULES = new Set(['stale-figure', 'figure-discrepancy', 'source-home-page', 'http-source']);

export function isRegistryWarning(d: Diagnostic): boolean {
  return d.severity === 'warning' && REGISTRY_WARNING_RULES.has(d.rule);
}

/** Registry errors and stated-vs-computed differences as linter findings. */
export function registryDiagnostics(
  errors: readonly ContentError[],
  discrepancies: readonly Discrepancy[],
): Diagnostic[] {
  return [
    ...errors.map((e): Diagnostic => ({
      severity: 'error',
      rule: 'figures',
      file: e.file,
      line: e.line,
      column: e.column,
      message: `${e.field ? `${e.field}: ` : ''}${e.detail}`,
      fix: e.fix,
    })),
    ...discrepancies.map((d): Diagnostic => ({
      severity: 'warning',
      rule: 'figure-discrepancy',
      file: d.figure.file,
      line: d.figure.line,
      message: d.message,
    })),
  ];
}

/**
 * Findings for a check of some files only: everything about those files
 * (`shown`), and the errors anywhere else (`elsewhere`), since they would
 * stop the build just the same. With no files, everything is shown.
 */
export function selectForFiles(
  all: readonly Diagnostic[],
  files: readonly string[],
): { shown: Diagnostic[]; elsewhere: Diagnostic[] } {
  if (files.length === 0) return { shown: [...all], elsewhere: [] };
  const wanted = new Set(files.map(normalise));
  const mine = (d: Diagnostic) => wanted.has(normalise(d.file));
  return { shown: all.filter(mine), elsewhere: all.filter((d) => !mine(d) && d.severity === 'error') };
}

const normalise = (file: string) => file.replace(/\\/g, '/').replace(/^\.\//, '');

/** Findings in reading order: by file, then line, then column (a finding about a whole file first). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
