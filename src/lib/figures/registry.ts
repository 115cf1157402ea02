import { createHash } from 'node:crypto';
import { ContentError } from '../errors.ts';
import { findDiscrepancies, type Discrepancy } from './consistency.ts';
import { evaluateDerived } from './evaluate.ts';
import { formatValue, rescale } from './format.ts';
import { formulaIds, parseFormula } from './formula.ts';
import { parseRegistryFile, type ParsedFile } from './parse-registry.ts';
import { rateText } from './rates.ts';
import { parseRemote } from './remote.ts';
import type { Figure, FigureDecl, Registry, RemoteDecl, Series, Source } from './types.ts';
import { sourceWarnings, type SourceWarning } from './sources.ts';
import { comparePartialDates } from './dates.ts';

export interface RegistryFiles {
  /** Path as printed in messages → YAML text. */
  files: Array<{ path: string; text: string }>;
}

/** Declared remote sources, found before any figure is evaluated (the caller fetches them). */
export function declaredRemotes(input: RegistryFiles): RemoteDecl[] {
  const { sources, brokenSources } = collectSources(input);
  return input.files.flatMap(
    (f) =>
      parseRegistryFile(
        f.path,
        f.text,
        () => sources,
        () => brokenSources,
      ).remotes,
  );
}

export interface LoadResult {
  registry?: Registry;
  errors: ContentError[];
  discrepancies: Discrepancy[];
  /** Sources that link to a home page instead of the cited piece, or over plain http. */
  warnings: SourceWarning[];
  /**
   * The figures and series that validated, even when others did not: what the content check
   * checks articles against while the registry has errors (`registry` is only set without errors).
   */
  partial: Registry;
  /** Ids written in the registry whose entry has an error (reported once, above), or that depend on one. */
  broken: ReadonlySet<string>;
  stats: { figures: number; series: number; derived: number; sources: number; remotes: number };
}

/**
 * Validate and evaluate the whole registry: local files plus the payloads of
 * remote sources (already fetched, by remote id). Nothing is returned as a
 * registry unless everything validated.
 */
export function buildRegistry(
  input: RegistryFiles,
  remotePayloads: ReadonlyMap<string, string> = new Map(),
): LoadResult {
  const { sources, brokenSources } = collectSources(input);
  const errors: ContentError[] = [];
  const broken = new Set<string>();
  const figures: FigureDecl[] = [];
  const series: Series[] = [];
  const remotes: RemoteDecl[] = [];
  const declaredSources: ParsedFile['declaredSources'] = [];
  for (const f of input.files) {
    const parsed = parseRegistryFile(
      f.path,
      f.text,
      () => sources,
      () => brokenSources,
    );
    errors.push(...parsed.errors);
    for (const id of parsed.broken) broken.add(id);
    declaredSources.push(...parsed.declaredSources);
    figures.push(...parsed.figures);
    series.push(...parsed.series);
    remotes.push(...parsed.remotes);
  }
  for (const r of remotes) {
    const payload = remotePayloads.get(r.id);
    if (payload === undefined) {
      errors.push(
        new ContentError({
          file: r.file,
          line: r.line,
          field: `remotes.${r.id}`,
          message: `No data for remote source "${r.id}".`,
          fix: 'Run `npm run figures` online once, so a copy is kept for --offline.',
        }),
      );
      continue;
    }
    const parsed = parseRemote(r, payload);
    errors.push(...parsed.errors);
    figures.push(...parsed.figures);
  }
  errors.push(...duplicateIds(figures, series));
  const { values, errors: evalErrors } = evaluateDerived(figures, broken);
  errors.push(...evalErrors);
  // A derived figure left without a value (a broken input, or its own error above) is broken too.
  for (const d of figures) if (!values.has(d.id)) broken.add(d.id);

  const byId = new Map(figures.map((d) => [d.id, d]));
  // A derived figure without its own source cites its first input's (following derived inputs down).
  const sourceOf = (d: FigureDecl, seen = new Set<string>()): Source | undefined => {
    if (d.source || !d.formula || seen.has(d.id)) return d.source;
    seen.add(d.id);
    const first = safeIds(d.formula)
      .map((id) => byId.get(id))
      .find(Boolean);
    return first ? sourceOf(first, seen) : d.source;
  };
  const asOfOf = (d: FigureDecl, seen = new Set<string>()): string => {
    if (d.asOf || !d.formula || seen.has(d.id)) return d.asOf ?? '';
    seen.add(d.id);
    return (
      latest(
        safeIds(d.formula)
          .map((id) => byId.get(id))
          .filter((x): x is FigureDecl => !!x)
          .map((x) => asOfOf(x, seen))
          .filter(Boolean),
      ) ?? ''
    );
  };
  const result: Record<string, Figure> = {};
  for (const d of figures) {
    const value = values.get(d.id);
    if (value === undefined) continue;
    const asOf = asOfOf(d);
    const source = sourceOf(d);
    if (!source) {
      errors.push(
        new ContentError({
          file: d.file,
          line: d.line,
          field: `${d.id}.source`,
          message: 'Neither the figure nor its inputs name a source.',
          fix: 'Add `source:` to the figure.',
        }),
      );
      continue;
    }
    let previous: Figure['previous'];
    if (typeof d.previous === 'number') previous = { value: d.previous };
    else if (typeof d.previous === 'string') {
      const p = byId.get(d.previous);
      const pv = values.get(d.previous);
      if ((!p || pv === undefined) && broken.has(d.previous)) broken.add(d.id);
      else if (!p || pv === undefined)
        errors.push(
          new ContentError({
            file: d.file,
            line: d.line,
            field: `${d.id}.previous`,
            message: `\`previous\` names unknown figure "${d.previous}".`,
          }),
        );
      else previous = { value: rescale(pv, p.scale, d.scale), label: p.label };
    }
    const { previous: _p, asOf: _a, ...rest } = d;
    result[d.id] = {
      ...rest,
      value,
      asOf,
      source,
      previous,
      ...(typeof d.previous === 'string' ? { previousId: d.previous } : {}),
      text: {
        long: rateText(d, value) ?? formatValue(value, d, 'long'),
        short: rateText(d, value) ?? formatValue(value, d, 'short'),
      },
    };
  }
  const seriesOut: Record<string, Series> = Object.fromEntries(series.map((s) => [s.id, s]));
  const discrepancies = findDiscrepancies(Object.values(result));
  const stats = {
    figures: Object.keys(result).length,
    series: series.length,
    derived: figures.filter((f) => f.formula).length,
    sources: new Set([...Object.values(result), ...series].map((x) => x.source.url + x.source.name)).size,
    remotes: remotes.length,
  };
  const warnings = sourceWarnings(declaredSources);
  for (const id of broken) delete result[id];
  const hash = createHash('sha256')
    .update(JSON.stringify([input.files, [...remotePayloads.entries()].sort()]))
    .digest('hex')
    .slice(0, 16);
  const partial = { figures: result, series: seriesOut, hash };
  if (errors.length > 0) return { errors, discrepancies, warnings, stats, partial, broken };
  return { registry: partial, errors, discrepancies, warnings, stats, partial, broken };
}

function collectSources(input: RegistryFiles): { sources: Map<string, Source>; brokenSources: Set<string> } {
  const sources = new Map<string, Source>();
  const brokenSources = new Set<string>();
  for (const f of input.files) {
    const parsed = parseRegistryFile(f.path, f.text, () => new Map());
    for (const [k, v] of parsed.sources) sources.set(k, v);
    for (const k of parsed.brokenSources) brokenSources.add(k);
  }
  return { sources, brokenSources };
}

function duplicateIds(figures: FigureDecl[], series: Series[]): ContentError[] {
  const seen = new Map<string, { file: string; line: number }>();
  const errors: ContentError[] = [];
  for (const d of [...figures, ...series]) {
    const prior = seen.get(d.id);
    if (prior)
      errors.push(
        new ContentError({
          file: d.file,
          line: d.line,
          field: d.id,
          message: `Duplicate id "${d.id}": already declared at ${prior.file}:${prior.line}.`,
          fix: 'Ids must be unique across all figures files; rename one, or keep one and record the other as a revision.',
        }),
      );
    else seen.set(d.id, { file: d.file, line: d.line });
  }
  return errors;
}

function safeIds(formula: string): string[] {
  try {
    return formulaIds(parseFormula(formula));
  } catch {
    return [];
  }
}

function latest(dates: string[]): string | undefined {
  return dates.length === 0 ? undefined : [...dates].sort(comparePartialDates).at(-1);
}
