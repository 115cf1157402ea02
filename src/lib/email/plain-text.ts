import { parse, walkSync, ELEMENT_NODE, TEXT_NODE, type ElementNode } from 'ultrahtml';
import { decodeEntities } from '../outcomes/table-html.ts';

/**
 * The plain-text part of the newsletter, made from the same feed-safe HTML as
 * the HTML part so that every figure and table reads the same: headings
 * underlined, links as "text <url>", images as their alt text, table rows as
 * "cell — cell — cell" lines, lines wrapped at 72 characters.
 */
export function htmlToPlainText(html: string, width = 72): string {
  const blocks: string[] = [];
  const doc = parse(html);
  for (const node of doc.children as Array<ElementNode>) collect(node, blocks, width);
  return blocks.filter((b) => b.trim() !== '').join('\n\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'table', 'blockquote', 'figure', 'div', 'section', 'img', 'hr', 'pre', 'aside']);

function collect(node: ElementNode, blocks: string[], width: number): void {
  if (node.type === TEXT_NODE) {
    const text = decode(String((node as unknown as { value: string }).value)).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(wrap(text, width));
    return;
  }
  if (node.type !== ELEMENT_NODE) return;
  switch (node.name) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4': {
      const text = inline(node);
      blocks.push(`${text}\n${(node.name === 'h1' || node.name === 'h2' ? '=' : '-').repeat(Math.min(text.length, width))}`);
      return;
    }
    case 'p':
      blocks.push(wrap(inline(node), width));
      return;
    case 'ul':
    case 'ol': {
      let n = 0;
      const items = (node.children as ElementNode[]).filter((c) => c.type === ELEMENT_NODE && c.name === 'li');
      blocks.push(items.map((li) => wrap(`${node.name === 'ol' ? `${++n}.` : '-'} ${inline(li)}`, width, '   ')).join('\n'));
      return;
    }
    case 'table':
      blocks.push(tableText(node, width));
      return;
    case 'img':
      blocks.push(`[${decode(node.attributes.alt ?? 'Image')}]`);
      return;
    case 'hr':
      blocks.push('-'.repeat(20));
      return;
    case 'blockquote': {
      const inner: string[] = [];
      for (const c of node.children as ElementNode[]) collect(c, inner, width - 2);
      blocks.push(inner.join('\n\n').split('\n').map((l) => `> ${l}`).join('\n'));
      return;
    }
    default:
      if (BLOCK.has(node.name) || (node.children as ElementNode[]).some((c) => c.type === ELEMENT_NODE && BLOCK.has(c.name))) {
        for (const c of node.children as ElementNode[]) collect(c, blocks, width);
      } else {
        const text = inline(node);
        if (text) blocks.push(wrap(text, width));
      }
  }
}

/** Inline content as text; links keep their URL. */
function inline(node: ElementNode): string {
  let out = '';
  walkInline(node, (s) => (out += s));
  return out.replace(/\s+/g, ' ').trim();
}

function walkInline(node: ElementNode, emit: (s: string) => void): void {
  for (const child of node.children as ElementNode[]) {
    if (child.type === TEXT_NODE) emit(decode(String((child as unknown as { value: string }).value)));
    else if (child.type === ELEMENT_NODE) {
      if (child.name === 'br') emit('\n');
      else if (child.name === 'img') emit(`[${decode(child.attributes.alt ?? 'Image')}]`);
      else if (child.name === 'a' && child.attributes.href) {
        const text = inline(child);
        const href = decode(child.attributes.href);
        emit(text === href || href.startsWith('#') ? text : `${text} <${href}>`);
      } else walkInline(child, emit);
    }
  }
}

function tableText(table: ElementNode, width: number): string {
  const lines: string[] = [];
  walkSync(table, (n) => {
    const el = n as ElementNode;
    if (el.type === ELEMENT_NODE && el.name === 'caption') lines.push(inline(el));
    if (el.type !== ELEMENT_NODE || el.name !== 'tr') return;
    const cells = (el.children as ElementNode[]).filter((c) => c.type === ELEMENT_NODE && (c.name === 'td' || c.name === 'th')).map((c) => inline(c));
    if (cells.some((c) => c !== '')) lines.push(wrap(cells.filter((c) => c !== '').join(' — '), width, '  '));
  });
  return lines.join('\n');
}

const decode = decodeEntities;

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
