import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { nodesOf, parentsOf } from '../../../src/lib/lint/tree-index.ts';
import { parseMdx } from '../../../src/lib/lint/mdx-tree.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';

const dir = join(import.meta.dirname, '../../../content/articles');
const trees = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const split = splitFrontmatter(readFileSync(join(dir, f), 'utf8'));
    const tree = parseMdx(f, split.body, split.bodyStartLine);
    if (!('type' in tree)) throw new Error(`${f} does not parse`);
    return [f, tree] as const;
  });

/** What a walk with unist-util-visit finds, for comparison. */
function visited(tree: Node, test?: (n: Node) => boolean): Node[] {
  const found: Node[] = [];
  visit(tree, (n) => void (!test || test(n) ? found.push(n) : undefined));
  return found;
}

describe('tree index', () => {
  it('has the project articles to compare on', () => expect(trees.length).toBeGreaterThan(1));

  it.each(trees)('%s: every node, and the nodes of each type, in the order a visit finds them', (_f, tree) => {
    expect(nodesOf(tree)).toEqual(visited(tree));
    const types = new Set(visited(tree).map((n) => n.type));
    for (const type of types) expect(nodesOf(tree, type)).toEqual(visited(tree, (n) => n.type === type));
    expect(nodesOf(tree, 'mdxJsxFlowElement', 'mdxJsxTextElement')).toEqual(
      visited(tree, (n) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement'),
    );
    expect(parentsOf(tree)).toEqual(visited(tree, (n) => 'children' in n));
  });

  it('gives nothing for a type the tree does not have', () => {
    expect(nodesOf(trees[0]![1], 'no-such-type')).toEqual([]);
  });
});
