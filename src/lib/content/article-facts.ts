/**
 * What an article's MDX body says, read once per build: the figures and
 * series it cites, its section headings, its tracked outcome rows and its
 * word count. Every page, feed and index that needs one of these reads it
 * from here instead of rescanning bodies (rescanning every other article on
 * every article page made related issues quadratic in the archive).
 *
 * The body is read by the parser Astro renders it with (Sätteri, through
 * ./mdx-syntax.ts), so the facts are those of the page: a `<Fig>` in a code
 * block is not cited, a heading inside a `<Callout>` or underlined with
 * `---` is a heading. The content linter (src/lib/lint/) is the strict check
 * that rejects malformed components with file:line; a body that does not
 * parse has no facts but its words.
 */
import type { Heading, Node, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { trackedRowsIn, type TrackedOutcome } from '../outcomes/tracking.ts';
import { readMdx } from './mdx-syntax.ts';

export interface ArticleFacts {
  /** Figure ids used in the body by `<Fig id>`, `<StatCard id>` and `<Chart figures={[…]}>`, in order of first use. */
  figures: string[];
  /** Series ids used by `<Chart series>`, in order of first use. */
  series: string[];
  /** Markdown headings, in order (inside components too; not in code). */
  headings: Array<{ depth: number; text: string; line: number }>;
  /** Outcome-table rows with a track tag (see src/lib/outcomes/tracking.ts). */
  tracked: TrackedOutcome[];
  /** Words outside tags, expressions and import lines. */
  words: number;
}

export interface FactsSource {
  /** File the body came from, for tracked rows' file:line. */
  file: string;
  slug: string;
  /** Line of the body's first line in the file (after the frontmatter). */
  bodyLine?: number;
}

type Attribute = { type: string; name?: string; value?: unknown };
type Element = Node & { name?: string | null; attributes?: Attribute[]; children?: Node[] };

/** Strings an attribute holds: its text, or the quoted strings of its `{…}` expression. */
function attributeStrings(el: Element, name: string): string[] {
  const attr = el.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return [];
  if (typeof attr.value === 'string') return [attr.value];
  const expression = attr.value && typeof attr.value === 'object' && 'value' in attr.value ? attr.value.value : '';
  return [...String(expression).matchAll(/(["'])((?:(?!\1).)+)\1/g)].map((m) => m[2]!);
}

/** Every node in document order. */
function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of (node as Partial<Parent>).children ?? []) yield* walk(child);
}

/** Figure and series ids cited by components in a parsed body. */
function citedIn(tree: Node): { figures: string[]; series: string[] } {
  const figures = new Set<string>();
  const series = new Set<string>();
  for (const node of walk(tree)) {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') continue;
    const el = node as Element;
    if (el.name === 'Fig' || el.name === 'StatCard') for (const id of attributeStrings(el, 'id')) figures.add(id);
    if (el.name === 'Chart') {
      for (const id of attributeStrings(el, 'figures')) figures.add(id);
      for (const id of attributeStrings(el, 'series')) series.add(id);
    }
  }
  return { figures: [...figures], series: [...series] };
}

/** Figure and series ids cited by components in an MDX body. */
export function citedIds(body: string): { figures: string[]; series: string[] } {
  const tree = readMdx(body);
  return tree ? citedIn(tree) : { figures: [], series: [] };
}

/** Words of a parsed body: text and code a reader reads; tags, expressions and imports left out. */
function wordsIn(tree: Node): number {
  let words = 0;
  for (const node of walk(tree)) {
    if (node.type !== 'text' && node.type !== 'inlineCode' && node.type !== 'code') continue;
    for (const w of (node as Node & { value: string }).value.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) words++;
  }
  return words;
}

/** Words a reader reads: tags, `{expressions}`, import lines and Markdown punctuation left out. */
export function wordCount(body: string): number {
  const tree = readMdx(body);
  if (tree) return wordsIn(tree);
  // A body that does not parse (the check reports it): its words, roughly.
  let words = 0;
  for (const w of body.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) words++;
  return words;
}

/** Read an article's body once into its facts. */
export function articleFacts(body: string, source: FactsSource): ArticleFacts {
  const bodyLine = source.bodyLine ?? 1;
  const tree = readMdx(body);
  const headings = tree
    ? [...walk(tree)]
        .filter((n): n is Heading => n.type === 'heading')
        .map((h) => ({ depth: h.depth, text: toString(h).trim(), line: bodyLine + (h.position?.start.line ?? 1) - 1 }))
        .filter((h) => h.text)
    : [];
  return {
    ...(tree ? citedIn(tree) : { figures: [], series: [] }),
    headings,
    tracked: trackedRowsIn(body, source.file, source.slug, bodyLine),
    words: tree ? wordsIn(tree) : wordCount(body),
  };
}
