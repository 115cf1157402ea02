/**
 * Tables too wide for a phone, rewritten for the email as one block per row.
 * A mail client that drops the <style> block (the Gmail app with other
 * accounts, Gmail's mobile web) lays out a table at its widest word per
 * column, and words must not break inside, so a three-column outcome table
 * would push a 320 px screen sideways. Every table whose columns cannot fit
 * the phone column becomes a one-column table: the row's header in bold,
 * then "Column: value" per cell, with the row's own tint; narrower tables
 * stay as they are. The estimate is deliberately wide (0.6 em per character
 * of the longest word, bold or not), so a table it keeps always fits.
 */
import {
  getAttr,
  isElement,
  parseHtmlFragment,
  serializeElement,
  serializeHtml,
  setChildren,
  textContent,
  walkElements,
  type Element,
  type Node,
  type Parent,
} from '../html/dom.ts';
import { escapeHtml } from '../html/escape.ts';

/** Table cells' font size in the email (email-html.ts) and what a cell adds around its text: 2 × 8 px padding and a border. */
const FONT_PX = 14;
const CELL_EXTRA_PX = 17;
/** One line of a row block: the cells' font (email-html.ts), not a paragraph's. */
const LINE = `font-family:Helvetica,Arial,sans-serif;font-size:${FONT_PX}px;line-height:1.4;margin:0 0 4px`;
/** Width of the widest unbreakable run per character: 0.6 em, a little over Helvetica's widest digits and bold letters. */
const CHAR_EM = 0.6;

const cellsOf = (tr: Element): Element[] =>
  tr.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));

/** Rows of a table in order (head, bodies, foot). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  walkElements(table, (el) => {
    if (el.tagName === 'tr') rows.push(el);
  });
  return rows;
}

/** The narrowest a table can be laid out without breaking a word, in CSS px (an estimate from its longest words). */
export function tableMinWidth(table: Element): number {
  const columns: number[] = [];
  for (const tr of rowsOf(table)) {
    cellsOf(tr).forEach((cell, i) => {
      const longest = Math.max(
        0,
        ...textContent(cell)
          .split(/[\s\-–—/]+/)
          .map((w) => [...w].length),
      );
      columns[i] = Math.max(columns[i] ?? 0, longest * CHAR_EM * FONT_PX + CELL_EXTRA_PX);
    });
  }
  return columns.reduce((a, b) => a + b, 1);
}

function isHeadRow(tr: Element): boolean {
  const parent = tr.parentNode;
  return parent !== null && isElement(parent) && parent.tagName === 'thead';
}

/** The table as one block per row, as HTML. */
function stacked(table: Element): string {
  const rows = rowsOf(table);
  const head = rows.find(isHeadRow);
  const names = head ? cellsOf(head).map((c) => serializeHtml(c).trim()) : [];
  const caption = table.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'caption');
  const tableStyle = getAttr(table, 'style');
  const blocks = rows
    .filter((tr) => !isHeadRow(tr))
    .map((tr) => {
      const cells = cellsOf(tr);
      const rowHeader = cells[0]?.tagName === 'th';
      const lines = cells.map((cell, i) => {
        const html = serializeHtml(cell).trim();
        if (i === 0 && rowHeader) return `<p style="${LINE};font-weight:bold">${html}</p>`;
        const name = names[i] ? `<span style="color:#55565c">${names[i]}:</span> ` : '';
        return html ? `<p style="${LINE}">${name}${html}</p>` : '';
      });
      const rowStyle = getAttr(tr, 'style');
      return `<tr${rowStyle ? ` style="${escapeHtml(rowStyle)}"` : ''}><td>${lines.join('')}</td></tr>`;
    });
  return `<table${tableStyle ? ` style="${escapeHtml(tableStyle)}"` : ''}>${caption ? serializeElement(caption) : ''}<tbody>${blocks.join('')}</tbody></table>`;
}

/** Replace every table wider than `columnPx` allows by its one-block-per-row form (in place). */
export function stackWideTables(root: Parent, columnPx: number): void {
  const out: Node[] = [];
  let changed = false;
  for (const node of root.childNodes) {
    if (isElement(node) && node.tagName === 'table' && tableMinWidth(node) > columnPx) {
      const replacement = parseHtmlFragment(stacked(node)).childNodes;
      out.push(...replacement);
      changed = true;
      continue;
    }
    if (isElement(node)) stackWideTables(node, columnPx);
    out.push(node);
  }
  if (changed) setChildren(root, out);
}
