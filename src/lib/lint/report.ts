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
      // The message starts with the place, which the finding carries already.
      message: d.message.replace(/^\S+?:\d+ /, ''),
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

/**
 * What identifies a registry warning across edits: its text without the file:line that moves when
 * lines are added above it (a stale figure by its id alone; its date and the articles showing it vary).
 * A warning is "already there" when its signature appears in the baseline (a list of them, or the
 * saved output of an earlier `npm run figures` or `npm run check`).
 */
export function warningSignature(d: Pick<Diagnostic, 'rule' | 'message'>): string {
  if (d.rule === 'stale-figure') return /^Figure "[^"]+" was due for review/.exec(d.message)?.[0] ?? d.message;
  return d.message.replace(/^\S+?:\d+(?::\d+)?\s+/, '');
}

/** Registry warnings split into the ones the baseline lacks (from your change) and the ones it has. */
export function splitByBaseline<D extends Pick<Diagnostic, 'rule' | 'message'>>(
  warnings: readonly D[],
  baseline: string,
): { fresh: D[]; known: D[] } {
  const fresh: D[] = [];
  const known: D[] = [];
  for (const w of warnings) (baseline.includes(warningSignature(w)) ? known : fresh).push(w);
  return { fresh, known };
}

/** Short names of the kinds of registry warnings, for the one-line summary. */
export function registryWarningKinds(list: readonly Diagnostic[]): string {
  const kind = (d: Diagnostic) =>
    d.rule === 'stale-figure'
      ? 'due for review'
      : d.rule === 'source-home-page'
        ? 'source links to a home page, not the piece'
        : d.rule === 'http-source'
          ? 'source over plain http'
          : 'stated value differs from computed';
  return [...new Set(list.map(kind))].join(', ');
}
