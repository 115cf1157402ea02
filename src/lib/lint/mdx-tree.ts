import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { ContentError } from '../errors.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';

// One processor for every article: setting up the syntax extensions is a measurable share of a parse.
const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/** Parse an article body as MDX (with GFM), keeping positions for file:line messages. */
export function parseMdx(file: string, body: string, lineOffset: number): Root | ContentError {
  try {
    return processor.runSync(processor.parse(body)) as Root;
  } catch (error) {
    const e = error as {
      message?: string;
      reason?: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line;
    const column = e.column ?? e.place?.column ?? e.place?.start?.column;
    return new ContentError({
      file,
      line: line === undefined ? undefined : line + lineOffset - 1,
      column,
      message: `MDX syntax error: ${(e.reason ?? e.message ?? String(error)).split('\n')[0]}`,
      fix: 'Check the tag or expression there: close every <Component …/>, and write a literal < or { as &lt; or \\{.',
    });
  }
}

const require = createRequire(import.meta.url);
/** The parser packages' versions: a new parser may read the same text differently. */
const PARSER = ['remark-parse', 'remark-mdx', 'remark-gfm']
  .map((name) => {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return `${name}@${pkg.version}`;
      } catch {
        // no package.json at this level
      }
    }
    return `${name}@?`;
  })
  .join(',');

/**
 * Parsed trees kept between checks, by a hash of the body and the parser's
 * version, in one file: reading a kept tree is an order of magnitude cheaper
 * than parsing, most of an archive is unchanged between two checks, and one
 * file is written in milliseconds where a file per article took a millisecond
 * each (creating files is what costs). Each line is a hash, a space and the
 * tree as JSON. The file is rewritten only when a tree was added: with the
 * trees this check used first, then others it held (from earlier versions of
 * the articles, or another copy of the project sharing the cache) up to as
 * many again, so it stays within twice the archive.
 */
export class TreeCache {
  private readonly file: string;
  /** Each kept tree's JSON, as bytes of the file (never the whole file as one string: at 10,000 articles it is 300 MB). */
  private readonly kept = new Map<string, Buffer>();
  /** Trees this check used: as read (JSON bytes) or parsed afresh (written on save). */
  private readonly used = new Map<string, Buffer | Root>();
  private added = false;

  constructor(file: string) {
    this.file = file;
    let data = Buffer.alloc(0);
    try {
      data = readFileSync(file);
    } catch {
      // nothing kept yet
    }
    for (let start = 0; start < data.length;) {
      const end = data.indexOf(0x0a, start);
      const lineEnd = end < 0 ? data.length : end;
      const space = data.indexOf(0x20, start);
      if (space > start && space < lineEnd)
        this.kept.set(data.toString('latin1', start, space), data.subarray(space + 1, lineEnd));
      start = lineEnd + 1;
    }
  }

  /** The kept tree for this hash; undefined when none is kept, or the kept one does not read back. */
  get(hash: string): Root | undefined {
    const json = this.kept.get(hash);
    if (json === undefined) return undefined;
    try {
      const tree = JSON.parse(json.toString('utf8')) as Root;
      this.used.set(hash, json);
      return tree;
    } catch {
      return undefined;
    }
  }

  put(hash: string, tree: Root): void {
    this.used.set(hash, tree);
    this.added = true;
  }

  /**
   * Write the file when a tree was added (a read-only cache only costs time). A tree holding a value
   * JSON cannot carry (a regular expression or BigInt literal in a JSX expression) is left out.
   */
  save(): void {
    if (!this.added) return;
    const others = [...this.kept].filter(([hash]) => !this.used.has(hash)).slice(0, this.used.size);
    const parts: Buffer[] = [];
    let fresh = 0;
    for (const [hash, tree] of [...this.used, ...others]) {
      const json = Buffer.isBuffer(tree) ? tree : jsonOf(tree);
      if (json === undefined) continue;
      parts.push(Buffer.from(`${hash} `, 'latin1'), typeof json === 'string' ? Buffer.from(json) : json, NEWLINE);
      if (!Buffer.isBuffer(tree)) fresh++;
    }
    if (fresh === 0) return;
    try {
      writeFileAtomic(this.file, Buffer.concat(parts));
    } catch {
      // not writable: the next check parses again
    }
  }
}
const NEWLINE = Buffer.from('\n');

/** The tree as JSON; undefined when it holds a value JSON cannot carry. */
function jsonOf(tree: Root): string | undefined {
  let keepable = true;
  const json = JSON.stringify(tree, (_key, value: unknown) => {
    if (typeof value === 'bigint' || value instanceof RegExp) keepable = false;
    return typeof value === 'bigint' ? String(value) : value;
  });
  return keepable ? json : undefined;
}

/** parseMdx through a TreeCache. Syntax errors are not kept (they are reported again, from a fresh parse). */
export function parseMdxCached(file: string, body: string, lineOffset: number, cache: TreeCache): Root | ContentError {
  const hash = createHash('sha256').update(PARSER).update('\0').update(body).digest('hex').slice(0, 32);
  const kept = cache.get(hash);
  if (kept) return kept;
  const tree = parseMdx(file, body, lineOffset);
  if (!(tree instanceof ContentError)) cache.put(hash, tree);
  return tree;
}
