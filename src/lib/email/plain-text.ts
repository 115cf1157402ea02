import {
  getAttr,
  isElement,
  isText,
  parseHtmlFragment,
  walkElements,
  type Element,
  type Node,
  type Parent,
} from '../html/dom.ts';

/**
 * The plain-text part of the newsletter, made from the same feed-safe HTML as
 * the HTML part so that every figure and table reads the same: headings
 * underlined, images as their alt text, table rows as "cell — cell" lines,
 * lines wrapped at 72 characters. Links become numbered references ("the
 * report [3]") listed at the end, so sentences stay readable; footnote markers
 * read "[^1]" and the notes follow the body under their own heading;
 * chart legend swatches (■) are left out, their labels kept as words.
 */
export function htmlToPlainText(html: string, width = 72): string {
  const ctx: Context = { width, links: [], notes: [] };
  const fragment = parseHtmlFragment(html);
  const blocks: string[] = [];
  for (const node of fragment.childNodes) collect(node, blocks, ctx);
  const parts = [joinBlocks(blocks)];
  if (ctx.notes.length > 0)
    parts.push(`Notes\n-----\n\n${ctx.notes.map((n, i) => wrap(`[^${i + 1}] ${n}`, width, '     ')).join('\n\n')}`);
  if (ctx.links.length > 0) parts.push(`Links\n-----\n\n${ctx.links.map((url, i) => `[${i + 1}] ${url}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}

interface Context {
  width: number;
  /** Link targets in order of first appearance; a link's number is its index + 1. */
  links: string[];
  /** Footnote texts, in the order of the footnote list. */
  notes: string[];
  /** The heading of the section being written. */
  section?: string;
}

const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'table',
  'blockquote',
  'figure',
  'figcaption',
  'div',
  'section',
  'img',
  'hr',
  'pre',
  'aside',
]);
const FOOTNOTE_REF = /#user-content-fn-/;
const FOOTNOTE_BACKREF = /#user-content-fnref-/;

function joinBlocks(blocks: string[]): string {
  return blocks
    .filter((b) => b.trim() !== '')
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isFootnoteList(el: Element): boolean {
  const items = el.childNodes.filter((c): c is Element => isElement(c) && c.tagName === 'li');
  return items.length > 0 && items.every((li) => (getAttr(li, 'id') ?? '').startsWith('user-content-fn-'));
}

function collect(node: Node, blocks: string[], ctx: Context): void {
  const width = ctx.width;
  if (isText(node)) {
    const text = node.value.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(wrap(text, width));
    return;
  }
  if (!isElement(node)) return;
  switch (node.tagName) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4': {
      if (getAttr(node, 'id') === 'footnote-label') return;
      const text = inline(node, ctx);
      ctx.section = text;
      blocks.push(
        `${text}\n${(node.tagName === 'h1' || node.tagName === 'h2' ? '=' : '-').repeat(Math.min(text.length, width))}`,
      );
      return;
    }
    case 'p':
    case 'figcaption':
      blocks.push(wrap(inline(node, ctx), width));
      return;
    case 'ul':
    case 'ol': {
      const items = node.childNodes.filter((c): c is Element => isElement(c) && c.tagName === 'li');
      if (isFootnoteList(node)) {
        for (const li of items) ctx.notes.push(inline(li, ctx));
        return;
      }
      blocks.push(listText(node, ctx, width));
      return;
    }
    case 'table':
      blocks.push(tableText(node, ctx));
      return;
    case 'img':
      blocks.push(wrap(`[${getAttr(node, 'alt') || 'Image'}]`, width, ' '));
      return;
    case 'hr':
      blocks.push('-'.repeat(20));
      return;
    case 'blockquote': {
      const inner: string[] = [];
      for (const c of node.childNodes) collect(c, inner, { ...ctx, width: width - 2 });
      blocks.push(
        joinBlocks(inner)
          .split('\n')
          .map((l) => (l ? `> ${l}` : '>'))
          .join('\n'),
      );
      return;
    }
    default:
      if (BLOCK.has(node.tagName) || node.childNodes.some((c) => isElement(c) && BLOCK.has(c.tagName))) {
        for (const c of node.childNodes) collect(c, blocks, ctx);
      } else {
        const text = inline(node, ctx);
        if (text) blocks.push(wrap(text, width));
      }
  }
}

/**
 * The marker for a link: its number the first time its target is cited, nothing after that (the
 * reader has the number already, and a figure cited ten times would otherwise carry ten markers).
 */
function reference(ctx: Context, href: string): string {
  const i = ctx.links.indexOf(href);
  // The Sources list names every source's number, cited before or not.
  if (i >= 0) return ctx.section === 'Sources' ? ` [${i + 1}]` : '';
  ctx.links.push(href);
  return ` [${ctx.links.length}]`;
}

/** A list, one item a line (wrapped under its marker); a list inside an item is indented under it. */
function listText(list: Element, ctx: Context, width: number): string {
  let n = 0;
  return list.childNodes
    .filter((c): c is Element => isElement(c) && c.tagName === 'li')
    .map((li) => {
      const nested = li.childNodes.filter(
        (c): c is Element => isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol'),
      );
      const own = { ...li, childNodes: li.childNodes.filter((c) => !nested.includes(c as Element)) };
      const marker = list.tagName === 'ol' ? `${++n}.` : '-';
      const line = wrap(`${marker} ${inline(own, ctx)}`, width, ' '.repeat(marker.length + 1));
      const sub = nested.map((l) => listText(l, ctx, width - 3).replace(/^/gm, '   '));
      return [line, ...sub].join('\n');
    })
    .join('\n');
}

/** Inline content as text; links become "text [n]". */
function inline(node: Parent, ctx: Context): string {
  let out = '';
  const visit = (n: Parent) => {
    for (const child of n.childNodes) {
      if (isText(child)) out += child.value.replace(/■/g, '');
      else if (isElement(child)) {
        if (child.tagName === 'br') out += '\n';
        else if (child.tagName === 'img') out += `[${getAttr(child, 'alt') || 'Image'}]`;
        else if (child.tagName === 'a' && getAttr(child, 'href')) {
          const href = getAttr(child, 'href')!;
          const text = inline(child, ctx);
          if (FOOTNOTE_BACKREF.test(href)) continue;
          if (FOOTNOTE_REF.test(href)) out += `[^${text}]`;
          else if (href.startsWith('#') || text === href || text === '') out += text;
          else out += `${text}${reference(ctx, href)}`;
        } else visit(child);
      }
    }
  };
  visit(node);
  return out
    .replace(/[ \t\r\n\u00a0]+/g, ' ')
    .replace(/ +([.,;:])/g, '$1')
    .trim();
}

/**
 * A table as text. With row headers (data, comparison and outcome tables), each row is a block:
 * its header on a line, then "Column: value" per cell, so no column has to line up in a
 * proportional font; a table of one value column reads "Row: value". Without row headers,
 * each row is one line of cells.
 */
function tableText(table: Element, ctx: Context): string {
  const lines: string[] = [];
  const rows: Element[] = [];
  walkElements(table, (el) => {
    if (el.tagName === 'caption') lines.push(wrap(inline(el, ctx), ctx.width));
    if (el.tagName === 'tr') rows.push(el);
  });
  const cellsOf = (tr: Element) =>
    tr.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
  const isHeadRow = (tr: Element) => tr.parentNode && isElement(tr.parentNode) && tr.parentNode.tagName === 'thead';
  const head = rows.find(isHeadRow);
  const body = rows.filter((r) => !isHeadRow(r));
  const rowHeaders = body.length > 0 && body.every((r) => cellsOf(r)[0]?.tagName === 'th');
  const columns = head ? cellsOf(head).map((c) => inline(c, ctx)) : [];
  if (!rowHeaders) {
    for (const tr of rows) {
      const cells = cellsOf(tr).map((c) => inline(c, ctx));
      if (cells.some((c) => c !== '')) lines.push(wrap(cells.filter((c) => c !== '').join(' — '), ctx.width, '  '));
    }
    return lines.join('\n');
  }
  // A chart's data table: an empty corner and one value column ("Value"), read as "Row: value".
  const single = columns.length <= 2 && !columns[0];
  for (const tr of body) {
    const [first, ...rest] = cellsOf(tr).map((c) => inline(c, ctx));
    if (single) {
      lines.push(wrap(`${first}: ${rest.join(' ')}`, ctx.width, '  '));
      continue;
    }
    lines.push(wrap(first ?? '', ctx.width, '  '));
    rest.forEach((cell, i) => {
      if (!cell) return;
      const text = wrap(`${columns[i + 1] ? `${columns[i + 1]}: ` : ''}${cell}`, ctx.width - 2, '  ');
      lines.push(text.replace(/^/gm, '  '));
    });
  }
  return lines.join('\n');
}

/** Wrap at word boundaries; continuation lines get `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && (line + ' ' + word).length > width) {
        out.push(line);
        line = indent + word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.join('\n');
}
