import { getAttr, isElement, isText, parseHtmlFragment, walkElements, type Element, type Node, type Parent } from '../html/dom.ts';

/**
 * The plain-text part of the newsletter, made from the same feed-safe HTML as
 * the HTML part so that every figure and table reads the same: headings
 * underlined, links as "text <url>", images as their alt text, table rows as
 * "cell — cell — cell" lines, lines wrapped at 72 characters.
 */
export function htmlToPlainText(html: string, width = 72): string {
  const blocks: string[] = [];
  for (const node of parseHtmlFragment(html).childNodes) collect(node, blocks, width);
  return blocks.filter((b) => b.trim() !== '').join('\n\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'table', 'blockquote', 'figure', 'div', 'section', 'img', 'hr', 'pre', 'aside']);

function collect(node: Node, blocks: string[], width: number): void {
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
      const text = inline(node);
      blocks.push(`${text}\n${(node.tagName === 'h1' || node.tagName === 'h2' ? '=' : '-').repeat(Math.min(text.length, width))}`);
      return;
    }
    case 'p':
      blocks.push(wrap(inline(node), width));
      return;
    case 'ul':
    case 'ol': {
      let n = 0;
      const items = node.childNodes.filter((c): c is Element => isElement(c) && c.tagName === 'li');
      blocks.push(items.map((li) => wrap(`${node.tagName === 'ol' ? `${++n}.` : '-'} ${inline(li)}`, width, '   ')).join('\n'));
      return;
    }
    case 'table':
      blocks.push(tableText(node, width));
      return;
    case 'img':
      blocks.push(`[${getAttr(node, 'alt') ?? 'Image'}]`);
      return;
    case 'hr':
      blocks.push('-'.repeat(20));
      return;
    case 'blockquote': {
      const inner: string[] = [];
      for (const c of node.childNodes) collect(c, inner, width - 2);
      blocks.push(inner.join('\n\n').split('\n').map((l) => `> ${l}`).join('\n'));
      return;
    }
    default:
      if (BLOCK.has(node.tagName) || node.childNodes.some((c) => isElement(c) && BLOCK.has(c.tagName))) {
        for (const c of node.childNodes) collect(c, blocks, width);
      } else {
        const text = inline(node);
        if (text) blocks.push(wrap(text, width));
      }
  }
}

/** Inline content as text; links keep their URL. */
function inline(node: Parent): string {
  let out = '';
  const visit = (n: Parent) => {
    for (const child of n.childNodes) {
      if (isText(child)) out += child.value;
      else if (isElement(child)) {
        if (child.tagName === 'br') out += '\n';
        else if (child.tagName === 'img') out += `[${getAttr(child, 'alt') ?? 'Image'}]`;
        else if (child.tagName === 'a' && getAttr(child, 'href')) {
          const text = inline(child);
          const href = getAttr(child, 'href')!;
          out += text === href || href.startsWith('#') ? text : `${text} <${href}>`;
        } else visit(child);
      }
    }
  };
  visit(node);
  return out.replace(/[ \t\r\n]+/g, ' ').trim();
}

function tableText(table: Element, width: number): string {
  const lines: string[] = [];
  walkElements(table, (el) => {
    if (el.tagName === 'caption') lines.push(inline(el));
    if (el.tagName !== 'tr') return;
    const cells = el.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')).map((c) => inline(c));
    if (cells.some((c) => c !== '')) lines.push(wrap(cells.filter((c) => c !== '').join(' — '), width, '  '));
  });
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
