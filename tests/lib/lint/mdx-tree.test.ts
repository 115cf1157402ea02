import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMdx, parseMdxCached } from '../../../src/lib/lint/mdx-tree.ts';
import { ContentError } from '../../../src/lib/errors.ts';

const body =
  '## A heading\n\nText with <Fig id="a.b" /> and a [link](/x/).\n\n<Chart type="bar" figures={["a.b", "c.d"]} />\n';

describe('parseMdxCached', () => {
  it('keeps the tree by content and gives back the same tree as a fresh parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-trees-'));
    const fresh = parseMdx('a.mdx', body, 5);
    const first = parseMdxCached('a.mdx', body, 5, dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = parseMdxCached('a.mdx', body, 5, dir);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(second).not.toBe(first);
  });

  it('reads the kept tree instead of parsing again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-trees-'));
    parseMdxCached('a.mdx', body, 5, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), JSON.stringify({ type: 'root', children: [], marker: 'from the cache' }));
    expect(parseMdxCached('a.mdx', body, 5, dir)).toMatchObject({ marker: 'from the cache' });
    // Another body is another entry.
    expect(parseMdxCached('a.mdx', `${body}\nMore.\n`, 5, dir)).not.toHaveProperty('marker');
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('parses again when a kept file is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-trees-'));
    parseMdxCached('a.mdx', body, 5, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"type":"ro');
    expect(parseMdxCached('a.mdx', body, 5, dir)).toEqual(parseMdx('a.mdx', body, 5));
  });

  it('reports a syntax error with its line in the file, and keeps nothing for it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-trees-'));
    const result = parseMdxCached('a.mdx', 'Fine.\n\n<Fig id="a.b"\n', 10, dir);
    expect(result).toBeInstanceOf(ContentError);
    expect((result as ContentError).line).toBeGreaterThanOrEqual(10);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not keep a tree with a value JSON cannot carry (a regular expression literal)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-trees-'));
    const tree = parseMdxCached('a.mdx', 'Text.\n\n<Chart pattern={/ab+c/} />\n', 1, dir);
    expect(tree).toHaveProperty('type', 'root');
    expect(readdirSync(dir)).toEqual([]);
  });
});
