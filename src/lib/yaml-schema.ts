/**
 * YAML checked against a Zod schema, with every problem reported at the line of the field at
 * fault. Frontmatter, the figures registry and the resolutions file all go through here, so an
 * author sees one message format: `file:line (field): what is wrong, received what` + a fix.
 */
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, nearest } from './errors.ts';

export type Path = ReadonlyArray<PropertyKey>;

export interface YamlText {
  /** The parsed value (undefined when the YAML did not parse). */
  value: unknown;
  /** 1-based file line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf(path: Path): number;
  /** Syntax errors, already as ContentError objects. */
  errors: ContentError[];
}

/**
 * Parse YAML keeping positions. `firstLine` is the file line of the YAML's first line
 * (frontmatter starts on line 2, after the `---` fence).
 */
export function readYaml(
  file: string,
  text: string,
  firstLine = 1,
  fix = 'Check quotes, colons and indentation on that line; quote text that contains a colon.',
): YamlText {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: Path): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as Array<string | number>, true);
      if (isNode(node) && node.range) return toFileLine(node.range[0]);
    }
    return firstLine;
  };
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return new ContentError({
        file,
        line: pos.line + firstLine - 1,
        column: pos.col,
        message: `Not valid YAML: ${e.message.split('\n')[0]}`,
        fix,
      });
    });
    return { value: undefined, lineOf, errors };
  }
  return { value: doc.toJS() as unknown, lineOf, errors: [] };
}

export interface IssueContext {
  file: string;
  yaml: YamlText;
  /** Where the checked value sits inside the YAML (e.g. `['figures', 3]`). */
  at?: Path;
  /** The value that was checked (received values are read from it). */
  value: unknown;
  /** How a field path is shown; default `a.b.0.c`. */
  fieldName?: (path: Path) => string;
  /** A fix for a field, by its path (the last key is usually enough). */
  fixFor?: (path: Path, issue: z.core.$ZodIssue) => string | undefined;
  /** The schema that was checked: unknown fields get a "did you mean" from its keys. */
  schema?: z.ZodType;
}

/**
 * Zod issues as ContentError objects. A message written as a sentence (ending in ".") is used as it is;
 * a short one ("Expected a number") gets the received value appended; a missing field says so.
 */
export function schemaErrors(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): ContentError[] {
  const at = ctx.at ?? [];
  const name = ctx.fieldName ?? ((p: Path) => p.map(String).join('.'));
  return flattenUnions(issues, ctx.value).map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const path = [...issue.path, key];
      const known = ctx.schema ? keysAt(ctx.schema, issue.path) : [];
      const guess = known.length > 0 ? nearest(key, known, 1)[0] : undefined;
      return new ContentError({
        file: ctx.file,
        line: ctx.yaml.lineOf([...at, ...path]),
        field: name(path),
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`,
        fix: guess
          ? `Did you mean "${guess}"? Allowed fields: ${known.join(', ')}.`
          : 'Remove it or correct the spelling.',
      });
    }
    const received = valueAt(ctx.value, issue.path);
    const missing = received === undefined && issue.path.length > 0 && issue.code === 'invalid_type';
    const field = issue.path.length > 0 || ctx.fieldName ? name(issue.path) : undefined;
    const shown = JSON.stringify(received);
    const base =
      issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
        ? `Expected ${EXPECTED[issue.expected] ?? issue.expected}`
        : issue.message;
    const message = missing
      ? `\`${String(issue.path.at(-1))}\` is missing.`
      : base.endsWith('.')
        ? base
        : base.includes(shown) || base.includes('received')
          ? `${base}.`
          : `${base}, received ${shown}.`;
    return new ContentError({
      file: ctx.file,
      line: ctx.yaml.lineOf([...at, ...(missing ? issue.path.slice(0, -1) : issue.path)]),
      field,
      message,
      fix: ownFix(issue) ?? ctx.fixFor?.(issue.path, issue),
    });
  });
}

/** A fix a refinement gave its issue (`params: { fix }`), which knows better than the field's generic one. */
function ownFix(issue: z.core.$ZodIssue): string | undefined {
  const fix = issue.code === 'custom' ? (issue.params as { fix?: unknown } | undefined)?.fix : undefined;
  return typeof fix === 'string' ? fix : undefined;
}

/** Zod's type names as an author reads them. */
const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a map of fields',
  boolean: 'true or false',
  int: 'a whole number',
  date: 'a date',
};

/** For a union (e.g. "a source name or a source"), report the branch that matches the input's type. */
function flattenUnions(issues: readonly z.core.$ZodIssue[], value: unknown): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const branches = issue.errors.map((branch) => branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
    const typeMismatchAtRoot = (b: z.core.$ZodIssue[]) =>
      b.some((i) => i.code === 'invalid_type' && i.path.length === issue.path.length);
    const best = branches.find((b) => !typeMismatchAtRoot(b));
    return best ? flattenUnions(best, value) : [{ ...issue, message: issue.message }];
  });
}

/** The minimum of Zod's internal definition that `keysAt` walks. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
}
interface Schema {
  _zod: { def: Def };
}

/** The field names an object schema allows at `path` (through optional, default, pipe, union, array and record). */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const unwrap = (s: Schema | undefined): Schema | undefined => {
    while (s) {
      const d = s._zod.def;
      const next =
        d.innerType ??
        (d.type === 'pipe'
          ? d.in
          : d.type === 'union'
            ? (d.options?.find((o) => o._zod.def.type === 'object') ?? d.options?.[0])
            : undefined);
      if (!next) return s;
      s = next;
    }
    return s;
  };
  let s = unwrap(schema);
  for (const key of path) {
    const d = s?._zod.def;
    s = unwrap(
      d?.type === 'object'
        ? d.shape?.[String(key)]
        : d?.type === 'array'
          ? d.element
          : d?.type === 'record'
            ? d.valueType
            : undefined,
    );
  }
  const d = s?._zod.def;
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

function valueAt(raw: unknown, path: Path): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
