/**
 * Read back the HTML that the Markdown processor emits for a GFM table, so an
 * MDX `table` component can decide what kind of table it is. Parsed with the
 * one HTML reader (html/dom.ts, parse5), so entities, nested markup and odd
 * attributes read as a browser would; cell contents stay as HTML.
 */
import {
  getAttr,
  isElement,
  parseHtmlFragment,
  serializeHtml,
  textContent,
  walkElements,
  type Element,
} from '../html/dom.ts';

export interface ParsedTable {
  /** Header cells' inner HTML. */
  head: string[];
  /** Body rows, each a list of cells' inner HTML. */
  rows: string[][];
  /** Column alignment from the GFM delimiter row (`:--:`), when set. */
  align: Array<'left' | 'center' | 'right' | undefined>;
}

type Align = 'left' | 'center' | 'right' | undefined;

const childElements = (el: Element, names: readonly string[]): Element[] =>
  el.childNodes.filter((c): c is Element => isElement(c) && names.includes(c.tagName));

function alignOf(cell: Element): Align {
  const value = getAttr(cell, 'align') ?? /text-align:\s*(\w+)/i.exec(getAttr(cell, 'style') ?? '')?.[1];
  const a = value?.toLowerCase();
  return a === 'left' || a === 'center' || a === 'right' ? a : undefined;
}

export function parseTableHtml(html: string): ParsedTable | undefined {
  let table: Element | undefined;
  // A table's inner HTML (what a `table` component's slot holds), or a whole table.
  const source = /^\s*<table\b/i.test(html) ? html : `<table>${html}</table>`;
  walkElements(parseHtmlFragment(source), (el) => {
    if (!table && el.tagName === 'table') table = el;
  });
  if (!table) return undefined;
  const sections = childElements(table, ['thead', 'tbody']);
  const thead = sections.find((s) => s.tagName === 'thead');
  const tbody = sections.find((s) => s.tagName === 'tbody');
  if (!thead) return undefined;
  const headRows = childElements(thead, ['tr']);
  if (headRows.length !== 1) return undefined;
  const headCells = childElements(headRows[0]!, ['th', 'td']);
  const cellHtml = (c: Element) => serializeHtml(c).trim();
  const rows = tbody ? childElements(tbody, ['tr']).map((tr) => childElements(tr, ['th', 'td']).map(cellHtml)) : [];
  return { head: headCells.map(cellHtml), rows, align: headCells.map(alignOf) };
}

/** Visible text of an HTML fragment: tags dropped, entities decoded, spaces folded. */
export function textOf(html: string): string {
  return textContent(parseHtmlFragment(html)).replace(/\s+/g, ' ').trim();
}
