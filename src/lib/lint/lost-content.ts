/**
 * "No sentence lost": Markdown that the renderer (Sätteri, as Astro uses it;
 * see tests/helpers/astro-markdown.ts) silently drops or garbles, found in
 * the linter's syntax tree, which keeps what the renderer throws away. Each
 * check exists because a test shows the text missing from the rendered page.
 */
import type { Definition, FootnoteDefinition, Node, Table, Text } from 'mdast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from './diagnostic.ts';
import type { LintContext } from './context.ts';
import { nodesOf } from './tree-index.ts';
import { at } from './rules.ts';

const clip = (text: string, max = 60) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Cells past the header's count: the renderer drops them (page, feeds and email alike). */
export function lostTableCells(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const table of nodesOf<Table>(a.tree, 'table')) {
      const columns = table.children[0]?.children.length ?? 0;
      for (const row of table.children.slice(1)) {
        const extra = row.children.slice(columns);
        if (extra.length === 0) continue;
        const text = extra.map((c) => toString(c)).filter(Boolean);
        out.push({
          severity: 'error',
          rule: 'lost-content',
          ...at(a, extra[0]!),
          message: `This row has ${row.children.length} cells but the header has ${columns}, so ${text.length > 0 ? `"${clip(text.join(' | '))}" would be dropped` : `its last ${extra.length === 1 ? 'cell' : `${extra.length} cells`} would be dropped`}.`,
          fix: 'Add a column to the header row (and a --- to the line under it), or move the text into one of the existing cells (a | inside a cell is written \\|).',
        });
      }
    }
  }
  return out;
}

/**
 * A footnote or link label defined twice: the renderer keeps the first and drops the second
 * (a footnote's text, or the address a link was meant to have). Labels match without regard to case.
 */
export function duplicateDefinitions(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const seen = new Map<string, Node>();
    for (const n of nodesOf<FootnoteDefinition | Definition>(a.tree, 'footnoteDefinition', 'definition')) {
      const key = `${n.type} ${n.identifier}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, n);
        continue;
      }
      const line = at(a, first).line;
      const label = n.label ?? n.identifier;
      out.push(
        n.type === 'footnoteDefinition'
          ? {
              severity: 'error',
              rule: 'lost-content',
              ...at(a, n),
              message: `Footnote [^${label}] is defined twice (first on line ${line}), so this note's text ("${clip(toString(n))}") would be dropped.`,
              fix: `Give this note its own label, e.g. [^${label}-2], and put [^${label}-2] in the text where it belongs; or merge the two notes.`,
            }
          : {
              severity: 'error',
              rule: 'lost-content',
              ...at(a, n),
              message: `Link label [${label}] is defined twice (first on line ${line}): links use the first address, so ${n.url} is never used.`,
              fix: `Give this address its own label, e.g. [${label}-2]: ${n.url}, and use it in the links meant for it; or delete the line.`,
            },
      );
    }
  }
  return out;
}

/** `[text][label]` or `[text][]` with no `[label]: …` line: printed as typed, brackets and all. */
export function unresolvedReferences(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const n of nodesOf<Text>(a.tree, 'text')) {
      if (!n.value.includes('][')) continue;
      for (const m of n.value.matchAll(/(!?)\[([^\]\n]+)\]\[([^\]\n]*)\]/g)) {
        const label = m[3] || m[2]!;
        if (label.startsWith('^')) continue; // footnotes: the footnote rule
        out.push({
          severity: 'error',
          rule: 'lost-content',
          ...at(a, n),
          message: `${m[1] ? 'Image' : 'Link'} ${m[0]} has no [${label}]: … line, so it would be printed as typed, brackets and all.`,
          fix: `Add the address on a line of its own: [${label}]: https://…; or write the ${m[1] ? 'image' : 'link'} in one piece: ${m[1]}[${m[2]}](https://…).`,
        });
      }
    }
  }
  return out;
}

/**
 * `{…}` in prose is run as code when the page is built: `{2,000}` prints "0" and `{a, b}` stops the
 * build with a script error. Comments (`{/* … *\/}`) are fine; `{{…}}` is left to the merge-tag rule.
 */
export function codeInText(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const n of nodesOf<MdxTextExpression | MdxFlowExpression>(a.tree, 'mdxTextExpression', 'mdxFlowExpression')) {
      const code = n.value.trim();
      if (code === '' || /^\/\*[\s\S]*\*\/$/.test(code) || /^\/\/[^\n]*$/.test(code) || code.startsWith('{')) continue;
      out.push({
        severity: 'error',
        rule: 'lost-content',
        ...at(a, n),
        message: `{${clip(code, 40)}} is run as code when the page is built, not shown as text${/^[\d.,\s]+$/.test(code) ? ` (it would print ${printed(code)})` : ''}.`,
        fix: 'To show braces, write \\{ and \\}; for a note that stays out of the page, write {/* note */}.',
      });
    }
  }
  return out;
}

/** What a run of digits and commas evaluates to as JavaScript (the comma operator keeps the last). */
function printed(code: string): string {
  const last = code.split(',').at(-1)!.trim();
  return `"${last === '' ? '' : String(Number(last))}"`;
}
