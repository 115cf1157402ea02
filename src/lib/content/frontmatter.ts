import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError } from '../errors.ts';
import { articleSchema, type ArticleData } from './article-schema.ts';

export interface SplitFile {
  /** The YAML between the `---` fences ('' when there is none). */
  yaml: string;
  /** 1-based line of the first YAML line in the file. */
  yamlStartLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyStartLine: number;
}

/** Split an MDX file into its frontmatter and body, keeping line numbers. */
export function splitFrontmatter(text: string): SplitFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { yaml: '', yamlStartLine: 1, body: text, bodyStartLine: 1 };
  const yamlLines = m[1]!.split('\n').length;
  return { yaml: m[1]!, yamlStartLine: 2, body: text.slice(m[0].length), bodyStartLine: yamlLines + 3 };
}

const FIELD_HELP: Record<string, string> = {
  title: 'title: "The headline"',
  dek: 'dek: "A one-line subtitle"',
  published: 'published: 2026-03-02',
  updated: 'updated: 2026-03-09',
  authors: 'authors: ["Your Name"]',
  tags: 'tags: ["ByteDance", "capex"]',
  issue: 'issue: 3',
  sources: 'sources:\n    - name: "Publisher, title"\n      url: "https://…"\n      date: 2026-03-01',
  summary: 'summary: "The point of the article in one sentence."',
  draft: 'draft: true',
  hero: 'hero: { src: "/images/x.png", alt: "What the image shows" }',
  keyFigures: 'keyFigures: ["bytedance.capex.2026"]',
};

export interface FrontmatterResult {
  data?: ArticleData;
  errors: ContentError[];
}

/**
 * Validate an article's frontmatter with the same schema Astro uses, but read
 * the YAML ourselves so every error carries the line of the field at fault.
 */
export function validateFrontmatter(file: string, text: string): FrontmatterResult {
  const split = splitFrontmatter(text);
  if (!split.yaml) {
    return {
      errors: [new ContentError({ file, line: 1, message: 'The article has no frontmatter.', fix: 'Start the file with a `---` block holding title, dek, published, authors, issue, sources and summary (see docs/authoring.md).' })],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return new ContentError({
          file,
          line: pos.line + split.yamlStartLine - 1,
          column: pos.col,
          message: `The frontmatter is not valid YAML: ${e.message.split('\n')[0]}`,
          fix: 'Check quotes, colons and indentation on that line; quote text that contains a colon.',
        });
      }),
    };
  }
  const raw: unknown = doc.toJS();
  const parsed = articleSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, errors: [] };

  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as Array<string | number>, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + split.yamlStartLine - 1;
    }
    return split.yamlStartLine;
  };
  return { errors: parsed.error.issues.map((issue) => issueToError(file, issue, raw, lineOf)) };
}

function issueToError(file: string, issue: z.core.$ZodIssue, raw: unknown, lineOf: (p: ReadonlyArray<PropertyKey>) => number): ContentError {
  const field = issue.path.map(String).join('.') || undefined;
  const top = String(issue.path[0] ?? '');
  const example = FIELD_HELP[top];
  const received = valueAt(raw, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return new ContentError({ file, line: lineOf([issue.keys[0]!]), field: issue.keys[0], message: `Unknown frontmatter field(s): ${keys}.`, fix: `Remove it or correct the spelling; known fields are ${Object.keys(FIELD_HELP).join(', ')}.` });
  }
  if (received === undefined && issue.path.length > 0) {
    return new ContentError({ file, line: lineOf(issue.path.slice(0, -1)), field, message: `\`${field}\` is missing.`, fix: example ? `Add it, for example:  ${example}` : 'Add the field.' });
  }
  return new ContentError({
    file,
    line: lineOf(issue.path),
    field,
    message: `${issue.message} (received ${JSON.stringify(received)}).`,
    fix: example ? `Write it like:  ${example}` : undefined,
  });
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
