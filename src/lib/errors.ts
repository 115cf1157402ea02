/**
 * One friendly error for everything an author or editor can get wrong:
 * frontmatter, figures files, chart specs, the linter. It always names the
 * file (and line/column when known), says what is wrong and how to fix it,
 * so command-line entry points can print it without a stack trace.
 */
export interface ContentErrorInit {
  /** Path of the file at fault, relative to the project root when possible. */
  file: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, in one sentence. */
  fix?: string;
  line?: number;
  column?: number;
  /** Dotted path of the field at fault, e.g. `sources.0.url` or `bytedance.capex.2026`. */
  field?: string;
}

export class ContentError extends Error {
  readonly file: string;
  readonly fix?: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly detail: string;

  constructor(init: ContentErrorInit) {
    super(formatContentError(init));
    this.name = 'ContentError';
    this.file = init.file;
    this.fix = init.fix;
    this.line = init.line;
    this.column = init.column;
    this.field = init.field;
    this.detail = init.message;
  }
}

/** `file:line:col` as editors and terminals link it. */
export function formatLocation(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

export function formatContentError(init: ContentErrorInit): string {
  const where = formatLocation(init.file, init.line, init.column);
  const field = init.field ? ` (${init.field})` : '';
  const fix = init.fix ? `\n  Fix: ${init.fix}` : '';
  return `${where}${field}: ${init.message}${fix}`;
}

export function isContentError(error: unknown): error is ContentError {
  return error instanceof ContentError;
}

/** Closest candidates by edit distance, for "did you mean" hints. */
export function nearest(target: string, candidates: Iterable<string>, max = 3): string[] {
  const scored: Array<[string, number]> = [];
  for (const c of candidates) scored.push([c, editDistance(target, c)]);
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, max).map(([c]) => c);
}

export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Tool output without stack frames: authors get the message, the file and the fix, not Node internals. */
export function withoutStackTraces(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line) && !/^\s*Stack trace:\s*$/.test(line))
    .join('\n');
}
