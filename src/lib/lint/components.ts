/**
 * Rules about how the column's components are written: props that do not
 * exist, tags that look like a component but are not one, and block
 * components squeezed into a line of text. Each would otherwise render
 * wrongly without a word.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { LintArticle, LintContext } from './context.ts';
import { editDistance, nearest } from '../errors.ts';
import {
  MDX_BLOCK_COMPONENTS,
  MDX_COMPONENT_NAMES,
  MDX_COMPONENT_PROPS,
  MDX_COMPONENTS_WITH_CHILDREN,
  type MdxComponentName,
} from '../content/component-names.ts';
import { toString } from 'mdast-util-to-string';
import { nodesOf, parentsOf } from './tree-index.ts';
import type { Node } from 'mdast';
import { at } from './rules.ts';
import { isJsx, jsxAttribute, jsxElements, jsxProps } from './jsx-props.ts';
import { readStatus } from '../outcomes/status.ts';
import { EMBEDDING_ELEMENTS } from './raw-html.ts';
import { ARTICLE_ELEMENTS } from '../feeds/allow-list.ts';

const COMPONENTS: ReadonlySet<string> = new Set(MDX_COMPONENT_NAMES);
const BLOCKS: ReadonlySet<string> = new Set(MDX_BLOCK_COMPONENTS);
const isComponent = (name: string): name is MdxComponentName => COMPONENTS.has(name);

/** Props a component does not take: `logscale` for `logScale` is otherwise ignored and the chart comes out linear. */
export function unknownProps(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const el of jsxElements(a.tree)) {
      if (!el.name || !isComponent(el.name)) continue;
      const known = MDX_COMPONENT_PROPS[el.name];
      for (const attr of el.attributes) {
        if (attr.type !== 'mdxJsxAttribute' || known.includes(attr.name)) continue;
        const guess =
          known.find((k) => k.toLowerCase() === attr.name.toLowerCase()) ??
          nearest(attr.name, known, 1).find((k) => editDistance(k, attr.name) <= 3);
        const place = attr.position ? at(a, attr) : at(a, el);
        out.push({
          severity: 'error',
          rule: 'unknown-prop',
          ...place,
          message: `<${el.name}> has no prop "${attr.name}"; it would be ignored.`,
          fix: `${guess ? `Did you mean ${guess}? ` : ''}${known.length ? `<${el.name}> takes: ${known.join(', ')}.` : `<${el.name}> takes no props.`}`,
        });
      }
    }
  }
  return out;
}

/** Lower-case names of HTML elements an article may contain (what feeds and the newsletter carry); any other lower-case tag is a mistake. */
const HTML_ELEMENTS = ARTICLE_ELEMENTS;

/** HTML elements an article cannot use: scripts and styles are blocked by the security policy, forms and page structure belong to the layout. */
const PAGE_ONLY_ELEMENTS = new Set(
  'area base body canvas datalist dialog embed fieldset form head html input label legend link map menu meta noscript object optgroup option output param script search select slot style template textarea title'.split(
    ' ',
  ),
);

/** `<fig id="…"/>` or `<statcard>`: a lower-case tag renders as an unknown HTML element, i.e. nothing useful. */
export function lookalikeTags(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const squash = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  for (const a of ctx.articles) {
    for (const el of jsxElements(a.tree)) {
      if (!el.name || !/^[a-z]/.test(el.name) || el.name.includes('.') || el.name.includes(':')) continue;
      if (EMBEDDING_ELEMENTS.has(el.name)) continue; // unsafe-html says what to write instead
      const component =
        MDX_COMPONENT_NAMES.find((c) => squash(c) === squash(el.name!)) ??
        (HTML_ELEMENTS.has(el.name)
          ? undefined
          : MDX_COMPONENT_NAMES.find(
              (c) =>
                squash(c) === nearest(squash(el.name!), MDX_COMPONENT_NAMES.map(squash), 1)[0] &&
                editDistance(squash(c), squash(el.name!)) <= 2,
            ));
      if (component) {
        out.push({
          severity: 'error',
          rule: 'component-case',
          ...at(a, el),
          message: `<${el.name}> is not a component (names are case-sensitive), so it would render nothing.`,
          fix: `Write <${component}> with a capital letter, exactly as in the list: ${MDX_COMPONENT_NAMES.join(', ')}.`,
        });
      } else if (PAGE_ONLY_ELEMENTS.has(el.name)) {
        out.push({
          severity: 'error',
          rule: 'unknown-tag',
          ...at(a, el),
          message: `<${el.name}> is an HTML element articles cannot use (the page's security policy or layout would drop or break it).`,
          fix: `Remove it; for charts, figures and boxes use the column's components (${MDX_COMPONENT_NAMES.join(', ')}).`,
        });
      } else if (!HTML_ELEMENTS.has(el.name)) {
        out.push({
          severity: 'error',
          rule: 'unknown-tag',
          ...at(a, el),
          message: `<${el.name}> is neither an HTML element nor one of the column's components.`,
          fix: `Use one of the components (${MDX_COMPONENT_NAMES.join(', ')}), or write a literal < as &lt;.`,
        });
      }
    }
  }
  return out;
}

/**
 * `<StatCard/>` in a paragraph with other words: it would float among them
 * (and make invalid HTML). A component alone on its line, even with its text
 * on that line (`<Callout>A note.</Callout>`), is lifted out of the paragraph.
 */
export function inlineBlockComponents(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const isBlockNamed = (name: string | null) => BLOCKS.has(name ?? '');
  const isBlock = (n: Node) => isJsx(n) && n.type === 'mdxJsxTextElement' && isBlockNamed(n.name);
  const isBlank = (n: Node) => n.type === 'text' && 'value' in n && !String(n.value).trim();
  const report = (a: LintArticle, el: Node) => {
    const name = isJsx(el) ? el.name : '';
    out.push({
      severity: 'error',
      rule: 'own-line',
      ...at(a, el),
      message: `<${name}> shares its line with other text, so it would sit inside a paragraph.`,
      fix: `Put <${name} … /> on a line of its own, with a blank line before and after it.`,
    });
  };
  const isFlowBlock = (n: Node) => isJsx(n) && n.type === 'mdxJsxFlowElement' && isBlockNamed(n.name);
  for (const a of ctx.articles) {
    // `<StatCard/> <Fig/>` alone on a line: two blocks side by side, the figure left as a bare number.
    for (const parent of parentsOf(a.tree)) {
      const kids = parent.children;
      for (let i = 1; i < kids.length; i++) {
        const prev = kids[i - 1]!;
        const next = kids[i]!;
        if (prev.position?.end.line !== next.position?.start.line) continue;
        if (isFlowBlock(prev)) report(a, prev);
        else if (isFlowBlock(next)) report(a, next);
      }
    }
    for (const p of nodesOf<Node & { children: Node[] }>(a.tree, 'paragraph')) {
      const kids = p.children;
      if (kids.filter((k) => !isBlank(k)).length <= 1) continue;
      for (const el of kids.filter(isBlock)) report(a, el);
    }
  }
  return out;
}

/** `<OutcomeTable rows={[{ status: "💥", … }]}>`: a status the site does not know would be shown as "partial". */
export function outcomeTableStatuses(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const el of jsxElements(a.tree)) {
      if (el.name !== 'OutcomeTable') continue;
      const rows = jsxProps(el.attributes).rows;
      if (!Array.isArray(rows)) continue;
      const attr = jsxAttribute(el, 'rows');
      rows.forEach((row: unknown, i) => {
        const status = row && typeof row === 'object' && 'status' in row ? row.status : undefined;
        if (typeof status !== 'string' || ['good', 'mixed', 'bad'].includes(status) || readStatus(status)?.rest === '')
          return;
        out.push({
          severity: 'error',
          rule: 'outcome-marker',
          ...at(a, attr?.position ? attr : el),
          message: `<OutcomeTable> row ${i + 1} has status ${JSON.stringify(status)}, which the site does not know (it would show as partial).`,
          fix: 'Use "✅", "⚠️" or "❌" (or good, mixed, bad).',
        });
      });
    }
  }
  return out;
}

/** `<Fig id="…">about ¥200 bn</Fig>`: a component that shows only its data drops what is written inside it. */
export function ignoredChildren(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const el of jsxElements(a.tree)) {
      if (!el.name || !isComponent(el.name) || MDX_COMPONENTS_WITH_CHILDREN.includes(el.name)) continue;
      const text = toString(el).replace(/\s+/g, ' ').trim();
      if (el.children.length === 0 || (text === '' && el.children.every((c) => c.type === 'text'))) continue;
      out.push({
        severity: 'error',
        rule: 'lost-content',
        ...at(a, el),
        message: `<${el.name}> shows only its ${el.name === 'Chart' || el.name === 'OutcomeTable' ? 'data' : 'figure'}, so what is written inside it${text ? ` ("${text.length > 60 ? `${text.slice(0, 59)}…` : text}")` : ''} would be dropped.`,
        fix: `Close it on its own, <${el.name} … />, and put the text before or after it${el.name === 'Chart' ? ' (or in caption="…")' : el.name === 'OutcomeTable' ? ' (or in caption="…")' : ''}.`,
      });
    }
  }
  return out;
}
