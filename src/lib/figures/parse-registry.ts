import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { ContentError } from '../errors.ts';
import { isPartialDate } from './dates.ts';
import { isPeriod, isScale, isUnit, PERIODS, SCALES, UNITS, type Period, type Scale, type Unit } from './units.ts';
import type { Revision, Series, Source } from './types.ts';

/** A figure as declared, before derived values are computed. */
export interface FigureDecl {
  id: string;
  label: string;
  value?: number;
  formula?: string;
  unit: Unit;
  scale: Scale;
  period?: Period;
  per?: string;
  noun?: string;
  digits?: number;
  asOf?: string;
  source: Source;
  note?: string;
  stated?: number;
  tolerance?: number;
  previous?: number | string;
  revisions: Revision[];
  reviewBy?: string;
  file: string;
  line: number;
}

/** A series as declared is already complete (no derived values). */
export type SeriesDecl = Series;

export interface RemoteDecl {
  id: string;
  url: string;
  format: 'csv' | 'json';
  timeoutMs: number;
  source: Source;
  file: string;
  line: number;
}

export interface ParsedFile {
  figures: FigureDecl[];
  series: SeriesDecl[];
  remotes: RemoteDecl[];
  /** Named sources declared in this file, shared across files. */
  sources: Map<string, Source>;
  errors: ContentError[];
}

const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;
const FIGURE_KEYS = ['id', 'label', 'value', 'formula', 'unit', 'scale', 'period', 'per', 'noun', 'digits', 'asOf', 'source', 'note', 'stated', 'tolerance', 'previous', 'revisions', 'reviewBy'];
const SERIES_KEYS = ['id', 'label', 'unit', 'scale', 'period', 'per', 'noun', 'points', 'source', 'note'];
const REMOTE_KEYS = ['id', 'url', 'format', 'timeoutMs', 'source'];
const SOURCE_KEYS = ['name', 'url', 'date', 'archived'];
const TOP_KEYS = ['sources', 'figures', 'series', 'remotes'];

type Raw = Record<string, unknown>;

/**
 * Read one registry file. Sources named by key may be declared in any file;
 * `resolveSource` is called later once every file's sources are known.
 */
export function parseRegistryFile(file: string, text: string, knownSources: () => Map<string, Source>): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const out: ParsedFile = { figures: [], series: [], remotes: [], sources: new Map(), errors: [] };
  const err = (line: number | undefined, field: string | undefined, message: string, fix?: string) =>
    out.errors.push(new ContentError({ file, line, field, message, fix }));

  if (doc.errors.length > 0) {
    for (const e of doc.errors) err(lineCounter.linePos(e.pos[0]).line, undefined, `Not valid YAML: ${e.message.split('\n')[0]}`, 'Check indentation and quotes on that line.');
    return out;
  }
  const lineOf = (path: Array<string | number>): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const root = doc.toJS() as unknown;
  if (root === null || root === undefined) return out;
  if (typeof root !== 'object' || Array.isArray(root)) {
    err(1, undefined, 'A figures file must be a map with `figures:`, `series:`, `sources:` or `remotes:`.', 'See content/figures/README.md for the format.');
    return out;
  }
  const top = root as Raw;
  unknownKeys(top, TOP_KEYS, [], lineOf, err);

  const sourcesNode = top.sources;
  if (sourcesNode !== undefined) {
    if (!isPlainObject(sourcesNode)) err(lineOf(['sources']), 'sources', '`sources` must be a map of name → {name, url, date}.');
    else for (const [key, raw] of Object.entries(sourcesNode)) {
      const s = readSource(raw, ['sources', key], lineOf, err);
      if (s) out.sources.set(key, s);
    }
  }

  const list = (key: 'figures' | 'series' | 'remotes'): Array<[Raw, number]> => {
    const v = top[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      err(lineOf([key]), key, `\`${key}\` must be a list (each entry starting with "- id: …").`);
      return [];
    }
    return v.flatMap((item, i) => {
      if (!isPlainObject(item)) {
        err(lineOf([key, i]), `${key}[${i}]`, 'Each entry must be a map of fields.');
        return [];
      }
      return [[item, i] as [Raw, number]];
    });
  };

  const source = (raw: unknown, path: Array<string | number>): Source | undefined => {
    if (typeof raw === 'string') {
      const s = knownSources().get(raw) ?? out.sources.get(raw);
      if (!s) err(lineOf(path), path.join('.'), `Unknown source "${raw}".`, `Declare it under \`sources:\` (in any figures file), or write the source inline as {name, url, date}. Known: ${[...knownSources().keys(), ...out.sources.keys()].join(', ') || 'none'}.`);
      return s;
    }
    return readSource(raw, path, lineOf, err);
  };

  for (const [f, i] of list('figures')) {
    const path = ['figures', i];
    const id = readId(f.id, path, lineOf, err);
    const where = id ? `figure ${id}` : `figures[${i}]`;
    unknownKeys(f, FIGURE_KEYS, path, lineOf, err);
    const hasValue = f.value !== undefined;
    const hasFormula = f.formula !== undefined;
    if (hasValue === hasFormula) err(lineOf(path), `${where}`, hasValue ? 'A figure has either `value` or `formula`, not both.' : 'The figure has neither `value` nor `formula`.', 'Give a number as `value:`, or a formula over other ids as `formula:`.');
    const value = hasValue ? readNumber(f.value, [...path, 'value'], `${where}.value`, lineOf, err) : undefined;
    const formula = hasFormula ? readString(f.formula, [...path, 'formula'], `${where}.formula`, lineOf, err) : undefined;
    const unit = readUnit(f.unit, [...path, 'unit'], where, lineOf, err);
    // Derived figures may leave the source out: they inherit their first input's.
    const src = f.source === undefined ? (hasFormula ? undefined : (err(lineOf(path), `${where}.source`, 'The figure has no source.', 'Add `source:` naming where the number comes from.'), undefined)) : source(f.source, [...path, 'source']);
    const asOf = f.asOf === undefined ? undefined : readDate(f.asOf, [...path, 'asOf'], `${where}.asOf`, lineOf, err);
    if (!hasFormula && f.asOf === undefined) err(lineOf(path), `${where}.asOf`, 'The figure has no `asOf` date.', 'Add `asOf:` (YYYY, YYYY-MM or YYYY-MM-DD): when the number was true.');
    const revisions = readRevisions(f.revisions, [...path, 'revisions'], where, lineOf, err);
    const decl: FigureDecl = {
      id: id ?? '',
      label: readString(f.label, [...path, 'label'], `${where}.label`, lineOf, err) ?? '',
      value,
      formula,
      unit: unit ?? 'count',
      scale: readScale(f.scale, [...path, 'scale'], where, lineOf, err),
      period: readPeriod(f.period, [...path, 'period'], where, lineOf, err),
      per: optString(f.per, [...path, 'per'], `${where}.per`, lineOf, err),
      noun: optString(f.noun, [...path, 'noun'], `${where}.noun`, lineOf, err),
      digits: f.digits === undefined ? undefined : readInt(f.digits, [...path, 'digits'], `${where}.digits`, 1, 10, lineOf, err),
      asOf,
      source: src ?? { name: '', url: '', date: '' },
      note: optString(f.note, [...path, 'note'], `${where}.note`, lineOf, err),
      stated: f.stated === undefined ? undefined : readNumber(f.stated, [...path, 'stated'], `${where}.stated`, lineOf, err),
      tolerance: f.tolerance === undefined ? undefined : readNumber(f.tolerance, [...path, 'tolerance'], `${where}.tolerance`, lineOf, err),
      previous: typeof f.previous === 'string' ? f.previous : f.previous === undefined ? undefined : readNumber(f.previous, [...path, 'previous'], `${where}.previous`, lineOf, err),
      revisions,
      reviewBy: f.reviewBy === undefined ? undefined : readDate(f.reviewBy, [...path, 'reviewBy'], `${where}.reviewBy`, lineOf, err),
      file,
      line: lineOf(path),
    };
    if (id && unit && (src || hasFormula)) out.figures.push(decl);
  }

  for (const [s, i] of list('series')) {
    const path = ['series', i];
    const id = readId(s.id, path, lineOf, err);
    const where = id ? `series ${id}` : `series[${i}]`;
    unknownKeys(s, SERIES_KEYS, path, lineOf, err);
    const unit = readUnit(s.unit, [...path, 'unit'], where, lineOf, err);
    const src = s.source === undefined ? (err(lineOf(path), `${where}.source`, 'The series has no source.', 'Add `source:`.'), undefined) : source(s.source, [...path, 'source']);
    const points: SeriesDecl['points'] = [];
    if (!Array.isArray(s.points) || s.points.length === 0) err(lineOf([...path, 'points']), `${where}.points`, 'A series needs a list of points.', 'Write points as `- { date: 2025-09, value: 30 }`.');
    else s.points.forEach((p: unknown, j: number) => {
      const pp = [...path, 'points', j];
      if (!isPlainObject(p)) return err(lineOf(pp), `${where}.points[${j}]`, 'Each point is {date, value}.');
      unknownKeys(p, ['date', 'value', 'label'], pp, lineOf, err);
      const date = readDate(p.date, [...pp, 'date'], `${where}.points[${j}].date`, lineOf, err);
      const value = readNumber(p.value, [...pp, 'value'], `${where}.points[${j}].value`, lineOf, err);
      if (date && value !== undefined) points.push({ date, value, label: typeof p.label === 'string' ? p.label : undefined });
    });
    const decl: SeriesDecl = {
      id: id ?? '',
      label: readString(s.label, [...path, 'label'], `${where}.label`, lineOf, err) ?? '',
      unit: unit ?? 'count',
      scale: readScale(s.scale, [...path, 'scale'], where, lineOf, err),
      period: readPeriod(s.period, [...path, 'period'], where, lineOf, err),
      per: optString(s.per, [...path, 'per'], `${where}.per`, lineOf, err),
      noun: optString(s.noun, [...path, 'noun'], `${where}.noun`, lineOf, err),
      points,
      source: src ?? { name: '', url: '', date: '' },
      note: optString(s.note, [...path, 'note'], `${where}.note`, lineOf, err),
      file,
      line: lineOf(path),
    };
    if (id && unit && src) out.series.push(decl);
  }

  for (const [r, i] of list('remotes')) {
    const path = ['remotes', i];
    const id = typeof r.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(r.id) ? r.id : (err(lineOf([...path, 'id']), `remotes[${i}].id`, `The remote id ${JSON.stringify(r.id)} is not a simple name.`, 'Use lower-case letters, digits and hyphens, e.g. `id: capex-sheet`.'), undefined);
    unknownKeys(r, REMOTE_KEYS, path, lineOf, err);
    const url = readString(r.url, [...path, 'url'], `remotes[${i}].url`, lineOf, err);
    if (url && !/^https?:\/\//.test(url)) err(lineOf([...path, 'url']), `remotes[${i}].url`, `"${url}" is not an http(s) URL.`);
    const format = r.format === 'csv' || r.format === 'json' ? r.format : (err(lineOf([...path, 'format']), `remotes[${i}].format`, `Unknown format ${JSON.stringify(r.format)}.`, 'Use `format: csv` or `format: json`.'), undefined);
    const timeoutMs = r.timeoutMs === undefined ? 10_000 : readInt(r.timeoutMs, [...path, 'timeoutMs'], `remotes[${i}].timeoutMs`, 1, 600_000, lineOf, err);
    const src = r.source === undefined ? undefined : source(r.source, [...path, 'source']);
    if (id && url && format && timeoutMs !== undefined) out.remotes.push({ id, url, format, timeoutMs, source: src ?? { name: id, url, date: '' }, file, line: lineOf(path) });
  }
  return out;
}

type LineOf = (path: Array<string | number>) => number;
type Err = (line: number | undefined, field: string | undefined, message: string, fix?: string) => void;

function isPlainObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function unknownKeys(obj: Raw, allowed: string[], path: Array<string | number>, lineOf: LineOf, err: Err): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) err(lineOf([...path, key]), [...path, key].join('.'), `Unknown field "${key}".`, `Check the spelling; allowed fields are ${allowed.join(', ')}.`);
  }
}

function readId(v: unknown, path: Array<string | number>, lineOf: LineOf, err: Err): string | undefined {
  if (typeof v !== 'string' || !ID.test(v)) {
    err(lineOf([...path, 'id']), [...path, 'id'].join('.'), v === undefined ? 'The entry has no `id`.' : `The id ${JSON.stringify(v)} is not a dotted id.`, 'Ids are lower-case words joined by dots, e.g. `bytedance.capex.2026`.');
    return undefined;
  }
  return v;
}

function readString(v: unknown, path: Array<string | number>, field: string, lineOf: LineOf, err: Err): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  err(lineOf(path), field, v === undefined ? `\`${field.split('.').pop()}\` is missing.` : `Expected text, received ${JSON.stringify(v)}.`);
  return undefined;
}

function optString(v: unknown, path: Array<string | number>, field: string, lineOf: LineOf, err: Err): string | undefined {
  return v === undefined ? undefined : readString(v, path, field, lineOf, err);
}

function readNumber(v: unknown, path: Array<string | number>, field: string, lineOf: LineOf, err: Err): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  err(lineOf(path), field, `Expected a number, received ${JSON.stringify(v)}.`, 'Write the number alone, without units or thousands separators (unit and scale are separate fields): `value: 200`.');
  return undefined;
}

function readInt(v: unknown, path: Array<string | number>, field: string, min: number, max: number, lineOf: LineOf, err: Err): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  err(lineOf(path), field, `Expected a whole number from ${min} to ${max}, received ${JSON.stringify(v)}.`);
  return undefined;
}

function readUnit(v: unknown, path: Array<string | number>, where: string, lineOf: LineOf, err: Err): Unit | undefined {
  if (isUnit(v)) return v;
  err(lineOf(path), `${where}.unit`, v === undefined ? 'The unit is missing.' : `Unknown unit ${JSON.stringify(v)}.`, `Use one of: ${UNITS.join(', ')}.`);
  return undefined;
}

function readScale(v: unknown, path: Array<string | number>, where: string, lineOf: LineOf, err: Err): Scale {
  if (v === undefined) return 'one';
  if (isScale(v)) return v;
  err(lineOf(path), `${where}.scale`, `Unknown scale ${JSON.stringify(v)}.`, `Use one of: ${Object.keys(SCALES).join(', ')}.`);
  return 'one';
}

function readPeriod(v: unknown, path: Array<string | number>, where: string, lineOf: LineOf, err: Err): Period | undefined {
  if (v === undefined) return undefined;
  if (isPeriod(v)) return v;
  err(lineOf(path), `${where}.period`, `Unknown period ${JSON.stringify(v)}.`, `Use one of: ${PERIODS.join(', ')}.`);
  return undefined;
}

function readDate(v: unknown, path: Array<string | number>, field: string, lineOf: LineOf, err: Err): string | undefined {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s === 'string' && isPartialDate(s)) return s;
  err(lineOf(path), field, `${JSON.stringify(v)} is not a date.`, 'Write YYYY, YYYY-MM or YYYY-MM-DD, e.g. `2025-09`.');
  return undefined;
}

function readSource(raw: unknown, path: Array<string | number>, lineOf: LineOf, err: Err): Source | undefined {
  if (!isPlainObject(raw)) {
    err(lineOf(path), path.join('.'), 'A source is {name, url, date} or the name of one declared under `sources:`.');
    return undefined;
  }
  unknownKeys(raw, SOURCE_KEYS, path, lineOf, err);
  const name = readString(raw.name, [...path, 'name'], `${path.join('.')}.name`, lineOf, err);
  const url = readString(raw.url, [...path, 'url'], `${path.join('.')}.url`, lineOf, err);
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(url)) err(lineOf([...path, 'url']), `${path.join('.')}.url`, `"${url}" is not a web address.`, 'Write the full URL, starting with https://.');
  const date = readDate(raw.date, [...path, 'date'], `${path.join('.')}.date`, lineOf, err);
  const archived = raw.archived === undefined ? undefined : readString(raw.archived, [...path, 'archived'], `${path.join('.')}.archived`, lineOf, err);
  return name && url && date ? { name, url, date, ...(archived ? { archived } : {}) } : undefined;
}

function readRevisions(v: unknown, path: Array<string | number>, where: string, lineOf: LineOf, err: Err): Revision[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    err(lineOf(path), `${where}.revisions`, '`revisions` must be a list of {date, from, to, reason}.');
    return [];
  }
  return v.flatMap((r: unknown, i: number) => {
    const rp = [...path, i];
    if (!isPlainObject(r)) {
      err(lineOf(rp), `${where}.revisions[${i}]`, 'Each revision is {date, from, to, reason}.');
      return [];
    }
    unknownKeys(r, ['date', 'from', 'to', 'reason'], rp, lineOf, err);
    const date = readDate(r.date, [...rp, 'date'], `${where}.revisions[${i}].date`, lineOf, err);
    const from = readNumber(r.from, [...rp, 'from'], `${where}.revisions[${i}].from`, lineOf, err);
    const to = readNumber(r.to, [...rp, 'to'], `${where}.revisions[${i}].to`, lineOf, err);
    const reason = readString(r.reason, [...rp, 'reason'], `${where}.revisions[${i}].reason`, lineOf, err);
    return date && from !== undefined && to !== undefined && reason ? [{ date, from, to, reason }] : [];
  });
}

export type { Document };
