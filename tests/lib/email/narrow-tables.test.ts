import { describe, expect, it } from 'vitest';
import { parseHtmlFragment, serializeHtml, walkElements, type Element } from '../../../src/lib/html/dom.ts';
import { stackWideTables, tableMinWidth } from '../../../src/lib/email/narrow-tables.ts';

const OUTCOME =
  '<table style="border-collapse:collapse"><caption>How it ends</caption><thead><tr><th>Outcome</th><th>Conditions</th><th>Result</th></tr></thead>' +
  '<tbody><tr style="background-color:#fbf0d9;color:#1b1b1d"><th scope="row"><strong>⚠️ Partial:</strong> Partial monetisation</th><td>Doubao becomes a mass-market app</td><td>Investors value ByteDance differently</td></tr></tbody></table>';
const DATA =
  '<table><thead><tr><td></td><th>Value</th></tr></thead><tbody><tr><th scope="row">Chips</th><td>¥85 billion</td></tr></tbody></table>';

const firstTable = (html: string): Element => {
  let t: Element | undefined;
  walkElements(parseHtmlFragment(html), (el) => {
    t ??= el.tagName === 'table' ? el : undefined;
  });
  return t!;
};

describe('tables in a phone-wide email', () => {
  it('estimate a table’s narrowest width from its longest words', () => {
    // "monetisation", "mass-market" (breaks at the hyphen) → "Conditions", "differently": 12, 10, 11 characters.
    expect(tableMinWidth(firstTable(OUTCOME))).toBeCloseTo(1 + (12 + 10 + 11) * 0.6 * 14 + 3 * 17, 5);
    expect(tableMinWidth(firstTable(DATA))).toBeLessThan(288);
  });

  it('turn a table too wide for 288 px into one block per row, keeping caption, tint and every cell', () => {
    const root = parseHtmlFragment(`<p>Before</p>${OUTCOME}${DATA}`);
    stackWideTables(root, 288);
    const html = serializeHtml(root);
    expect(html).toContain('<caption>How it ends</caption>');
    expect(html).toMatch(
      /<tr style="background-color:#fbf0d9;color:#1b1b1d"><td><p style="[^"]*font-weight:bold"><strong>⚠️ Partial:<\/strong> Partial monetisation<\/p>/,
    );
    expect(html).toContain('<span style="color:#55565c">Conditions:</span> Doubao becomes a mass-market app</p>');
    expect(html).toContain('<span style="color:#55565c">Result:</span> Investors value ByteDance differently</p>');
    expect(html).not.toContain('<th>Outcome</th>');
    // The narrow data table stays a table with its columns.
    expect(html).toContain(DATA);
  });

  it('keep every table that fits', () => {
    const root = parseHtmlFragment(OUTCOME);
    stackWideTables(root, 400);
    expect(serializeHtml(root)).toBe(OUTCOME);
  });
});
