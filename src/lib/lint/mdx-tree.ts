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
import { writeFileAtomic } from '../atomic-write.ts';

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
 * parseMdx, with trees kept in `cacheDir` by a hash of the body and the
 * parser's version: reading a kept tree is an order of magnitude cheaper
 * than parsing, and most of an archive is unchanged between two checks.
 * Syntax errors are not kept (they are reported again, from a fresh parse).
 * Trees holding values JSON cannot carry (a regular expression or BigInt
 * literal in a JSX expression) are not kept either.
 */
export function parseMdxCached(file: string, body: string, lineOffset: number, cacheDir: string): Root | ContentError {
  const hash = createHash('sha256').update(PARSER).update('\0').update(body).digest('hex').slice(0, 32);
  const path = join(cacheDir, `${hash}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Root;
  } catch {
    // not kept yet, or unreadable: parse it
  }
  const tree = parseMdx(file, body, lineOffset);
  if (tree instanceof ContentError) return tree;
  let keepable = true;
  const json = JSON.stringify(tree, (_key, value: unknown) => {
    if (typeof value === 'bigint' || value instanceof RegExp) keepable = false;
    return typeof value === 'bigint' ? String(value) : value;
  });
  if (keepable) {
    try {
      writeFileAtomic(path, json);
    } catch {
      // a read-only cache only costs time
    }
  }
  return tree;
}
