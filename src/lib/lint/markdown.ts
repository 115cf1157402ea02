/**
 * Rules about plain Markdown that would otherwise be published broken
 * without a word: local images that do not exist, footnotes that lose their
 * text or their reference, outcome tables whose markers are not recognised.
 */
import { toString } from 'mdast-util-to-string';
import type { FootnoteDefinition, FootnoteReference, Image, Node, Table } from 'mdast';
import { nodesOf } from './tree-index.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { LintContext } from './context.ts';
import { at } from './rules.ts';
import { jsxElements, jsxStrings } from './jsx-props.ts';
import { MARKER_SYNONYMS, readStatus } from '../outcomes/status.ts';

/**
 * What is wrong with a local image path, if anything: `/images/x.png` must be
 * a file in public/; a relative path (`./x.png`) is not published at all.
 * Remote and data: URLs are not ours to check.
 */
function imageProblem(ctx: LintContext, src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
  const path = decodeURI(src.split(/[?#]/)[0]!);
  if (!path.startsWith('/'))
    return `Image ${src} is a relative path; only files in public/ are published, so it would be broken.`;
  return ctx.staticPaths.has(path) ? undefined : `Image ${src} does not exist, so it would be published broken.`;
}

const imageFix = (src: string) =>
  `Put the file in public/images/ and write its path from there, e.g. /images/${src.replace(/^.*\//, '')}; or correct the path's spelling.`;

/** Images in the body (Markdown and <img>) and the hero image must be files that exist. */
export function missingImages(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const check = (src: string, place: { file: string; line?: number; column?: number }) => {
      const problem = imageProblem(ctx, src);
      if (problem)
        out.push({ severity: 'error', rule: 'missing-image', ...place, message: problem, fix: imageFix(src) });
    };
    for (const node of nodesOf<Image>(a.tree, 'image')) check(node.url, at(a, node));
    for (const el of jsxElements(a.tree))
      if (el.name === 'img') for (const src of jsxStrings(el, 'src')) check(src, at(a, el));
    if (a.data.hero) check(a.data.hero.src, { file: a.file, line: heroSrcLine(a.text) });
  }
  return out;
}

function heroSrcLine(text: string): number | undefined {
  const lines = text.split('\n');
  const hero = lines.findIndex((l) => l.startsWith('hero:'));
  if (hero < 0) return undefined;
  const src = lines.findIndex((l, i) => i >= hero && /^\s*src:/.test(l));
  return (src < 0 ? hero : src) + 1;
}

/** Footnote text with no reference is dropped; a reference with no text stays as literal "[^x]". */
export function footnotes(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const referenced = new Set<string>();
    for (const n of nodesOf<FootnoteReference>(a.tree, 'footnoteReference')) referenced.add(n.identifier);
    for (const n of nodesOf<FootnoteDefinition>(a.tree, 'footnoteDefinition')) {
      if (!referenced.has(n.identifier))
        out.push({
          severity: 'error',
          rule: 'footnote',
          ...at(a, n),
          message: `Footnote [^${n.label ?? n.identifier}] is never referenced, so its text would be dropped.`,
          fix: `Add [^${n.label ?? n.identifier}] in the text where the note belongs, or delete the note.`,
        });
    }
    // With no definition, the parser leaves the reference as plain text.
    for (const n of nodesOf<Node & { value: string }>(a.tree, 'text')) {
      if (!n.value.includes('[^')) continue;
      for (const m of n.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        out.push({
          severity: 'error',
          rule: 'footnote',
          ...at(a, n),
          message: `Footnote reference [^${m[1]}] has no note, so it would show as "[^${m[1]}]".`,
          fix: `Add the note on its own line at the end: [^${m[1]}]: The text of the note.`,
        });
      }
    }
  }
  return out;
}

const KNOWN = `${MARKER_SYNONYMS.good[0]} success, ${MARKER_SYNONYMS.mixed[0]}\uFE0F partial, ${MARKER_SYNONYMS.bad[0]} failure`;
/** A cell that starts with a symbol or emoji (not a letter, digit or punctuation an author would start a scenario with). */
const SYMBOL_START = /^\s*([\p{Extended_Pictographic}\p{So}]\uFE0F?)/u;

/**
 * Outcome tables: when some rows of a table start with a status marker, every
 * row must start with one the site knows; otherwise the whole table silently
 * becomes a plain table.
 */
export function outcomeMarkers(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const table of nodesOf<Table>(a.tree, 'table')) {
      const rows = table.children
        .slice(1)
        .map((row) => ({ row, text: row.children[0] ? toString(row.children[0]) : '' }));
      const marked = rows.filter((r) => readStatus(r.text) || SYMBOL_START.test(r.text));
      if (marked.length === 0) continue;
      for (const r of rows) {
        if (readStatus(r.text)) continue;
        const symbol = SYMBOL_START.exec(r.text)?.[1];
        out.push({
          severity: 'error',
          rule: 'outcome-marker',
          ...at(a, r.row),
          message: symbol
            ? `Outcome marker ${symbol} is not one the site knows, so this table would show as a plain table.`
            : `This row has no outcome marker while others have one, so the table would show as a plain table.`,
          fix: `Start the row's first cell with ${KNOWN} (✔ ✓ and ✗ ✘ work too).`,
        });
      }
    }
  }
  return out;
}
