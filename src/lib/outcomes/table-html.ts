/**
 * Read back the HTML that the Markdown processor emits for a GFM table, so an
 * MDX `table` component can decide what kind of table it is. GFM tables cannot
 * nest, so cells are found by their tags; cell contents stay as HTML.
 */
export interface ParsedTable {
  /** Header cells' inner HTML. */
  head: string[];
  /** Body rows, each a list of cells' inner HTML. */
  rows: string[][];
  /** Column alignment from the GFM delimiter row (`:--:`), when set. */
  align: Array<'left' | 'center' | 'right' | undefined>;
}

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const CELL = /<(t[hd])\b([^>]*)>([\s\S]*?)<\/\1>/gi;

export function parseTableHtml(html: string): ParsedTable | undefined {
  const headMatch = /<thead\b[^>]*>([\s\S]*?)<\/thead>/i.exec(html);
  const bodyMatch = /<tbody\b[^>]*>([\s\S]*?)<\/tbody>/i.exec(html);
  if (!headMatch) return undefined;
  const headRows = rowsOf(headMatch[1]!);
  if (headRows.length !== 1) return undefined;
  const head = headRows[0]!;
  const rows = bodyMatch ? rowsOf(bodyMatch[1]!).map((r) => r.map((c) => c.html)) : [];
  return { head: head.map((c) => c.html), rows, align: head.map((c) => c.align) };
}

function rowsOf(html: string): Array<Array<{ html: string; align?: 'left' | 'center' | 'right' }>> {
  const rows: Array<Array<{ html: string; align?: 'left' | 'center' | 'right' }>> = [];
  for (const row of html.matchAll(ROW)) {
    const cells = [];
    for (const cell of row[1]!.matchAll(CELL)) {
      const align = /(?:align="|text-align:\s*)(left|center|right)/i.exec(cell[2]!)?.[1]?.toLowerCase() as
        'left' | 'center' | 'right' | undefined;
      cells.push({ html: cell[3]!.trim(), align });
    }
    rows.push(cells);
  }
  return rows;
}

/** Visible text of an HTML fragment: tags dropped, common entities decoded, spaces folded. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Decode the entities an HTML serializer emits (named basics and numeric). */
export function decodeEntities(html: string): string {
  return html
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
