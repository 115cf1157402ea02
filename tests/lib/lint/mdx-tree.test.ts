import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMdx, parseMdxCached, TreeCache } from '../../../src/lib/lint/mdx-tree.ts';
import { ContentError } from '../../../src/lib/errors.ts';

const body =
  '## A heading\n\nText with <Fig id="a.b" /> and a [link](/x/).\n\n<Chart type="bar" figures={["a.b", "c.d"]} />\n';
const cacheFile = () => join(mkdtempSync(join(tmpdir(), 'aif-trees-')), 'trees.jsonl');
/** The hashes the file keeps, in order. */
const keptHashes = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, line.indexOf(' ')));

/** One check: parse these bodies through the file's cache, then save it. */
function check(file: string, bodies: string[]) {
  const cache = new TreeCache(file);
  const trees = bodies.map((b) => parseMdxCached('a.mdx', b, 5, cache));
  cache.save();
  return trees;
}

describe('parseMdxCached', () => {
  it('keeps the tree by content in one file and gives back the same tree as a fresh parse', () => {
    const file = cacheFile();
    const fresh = parseMdx('a.mdx', body, 5);
    const [first] = check(file, [body]);
    expect(keptHashes(file)).toHaveLength(1);
    const [second] = check(file, [body]);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(second).not.toBe(first);
  });

  it('reads the kept tree instead of parsing again, and writes nothing when no tree was added', () => {
    const file = cacheFile();
    check(file, [body]);
    const [hash] = keptHashes(file);
    writeFileSync(file, `${hash} ${JSON.stringify({ type: 'root', children: [], marker: 'from the cache' })}\n`);
    expect(check(file, [body])[0]).toMatchObject({ marker: 'from the cache' });
    expect(readFileSync(file, 'utf8')).toContain('from the cache');
    // Another body is another entry; the file is rewritten, the tree used first.
    const other = `${body}\nMore.\n`;
    expect(check(file, [other, body])[0]).not.toHaveProperty('marker');
    expect(keptHashes(file)).toHaveLength(2);
  });

  it('keeps the trees a check used, then others up to as many again, newest first', () => {
    const file = cacheFile();
    const bodies = ['One.\n', 'Two.\n', 'Three.\n', 'Four.\n'];
    check(file, bodies);
    const all = keptHashes(file);
    check(file, ['Five.\n']);
    const five = keptHashes(file)[0]!;
    expect(keptHashes(file)).toEqual([five, all[0]]);
  });

  it('parses again when a kept tree is damaged', () => {
    const file = cacheFile();
    check(file, [body]);
    const [hash] = keptHashes(file);
    writeFileSync(file, `${hash} {"type":"ro\n`);
    expect(check(file, [body])[0]).toEqual(parseMdx('a.mdx', body, 5));
    expect(JSON.parse(readFileSync(file, 'utf8').slice(hash!.length + 1))).toEqual(parseMdx('a.mdx', body, 5));
  });

  it('reports a syntax error with its line in the file, and keeps nothing for it', () => {
    const file = cacheFile();
    const [result] = check(file, ['Fine.\n\n<Fig id="a.b"\n']);
    expect(result).toBeInstanceOf(ContentError);
    // The tag opens on the body's third line, which is line 7 of the file when the body starts on line 5.
    expect((result as ContentError).line).toBeGreaterThanOrEqual(7);
    expect(existsSync(file)).toBe(false);
  });

  it('does not keep a tree with a value JSON cannot carry (a regular expression literal)', () => {
    const file = cacheFile();
    const [tree] = check(file, ['Text.\n\n<Chart pattern={/ab+c/} />\n']);
    expect(tree).toHaveProperty('type', 'root');
    expect(existsSync(file)).toBe(false);
  });
});
