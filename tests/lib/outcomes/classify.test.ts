import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../../src/lib/outcomes/classify.ts';
import { parseTableHtml, textOf } from '../../../src/lib/outcomes/table-html.ts';
import { readStatus } from '../../../src/lib/outcomes/status.ts';

/** The HTML a Markdown processor gives for a GFM table with these cells. */
function tableHtml(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) => `<tr>\n${cells.map((c) => `<${tag}>${c}</${tag}>`).join('\n')}\n</tr>`;
  return `\n<thead>\n${tr(head, 'th')}\n</thead>\n<tbody>\n${rows.map((r) => tr(r, 'td')).join('\n')}\n</tbody>\n`;
}

const classify = (head: string[], rows: string[][]) => classifyTable(parseTableHtml(tableHtml(head, rows))!);

describe('readStatus', () => {
  it('reads each marker, with or without the variation selector', () => {
    expect(readStatus('✅ Platform victory')).toEqual({ status: 'good', rest: 'Platform victory' });
    expect(readStatus('⚠️ Partial')?.status).toBe('mixed');
    expect(readStatus('\u26A0 Partial')?.status).toBe('mixed');
    expect(readStatus('  ❌ Burn')?.status).toBe('bad');
    expect(readStatus('Platform ✅')).toBeUndefined();
  });
});

describe('classifyTable', () => {
  it('makes a table whose every first cell starts with a marker an outcome table', () => {
    const t = classify(
      ['Outcome', 'Conditions', 'Result'],
      [
        ['✅ Win', 'a', 'b'],
        ['⚠️ <strong>Draw</strong>', 'c', 'd'],
        ['❌ Lose', 'e', 'f'],
      ],
    );
    expect(t.kind).toBe('outcome');
    if (t.kind !== 'outcome') return;
    expect(t.rows.map((r) => r.status)).toEqual(['good', 'mixed', 'bad']);
    expect(t.rows[1]!.scenario).toBe('<strong>Draw</strong>');
    expect(t.rows[0]!.cells).toEqual(['a', 'b']);
  });

  it('accepts the common synonyms the linter accepts: ✔️ ✓ ✔ for success, ✗ ✘ for failure', () => {
    const t = classify(
      ['Outcome', 'Result'],
      [
        ['✔️ Win', 'a'],
        ['✓ <em>Also</em>', 'b'],
        ['✔ Third', 'c'],
        ['✗ Lose', 'd'],
        ['✘ Worse', 'e'],
      ],
    );
    expect(t.kind).toBe('outcome');
    if (t.kind !== 'outcome') return;
    expect(t.rows.map((r) => [r.status, r.scenario])).toEqual([
      ['good', 'Win'],
      ['good', '<em>Also</em>'],
      ['good', 'Third'],
      ['bad', 'Lose'],
      ['bad', 'Worse'],
    ]);
  });

  it('keeps the marker when it sits inside emphasis', () => {
    const t = classify(['Outcome', 'Result'], [['<strong>✅ Win</strong>', 'x']]);
    expect(t.kind).toBe('outcome');
    if (t.kind === 'outcome') expect(t.rows[0]!.scenario).toBe('<strong>Win</strong>');
  });

  it('does not treat an emoji later in the first column as a marker', () => {
    expect(
      classify(
        ['Plan', 'Result'],
        [
          ['Win ✅', 'a'],
          ['Lose ❌', 'b'],
        ],
      ).kind,
    ).toBe('plain');
  });

  it('does not treat a table with only some marked rows as an outcome table', () => {
    expect(
      classify(
        ['Outcome', 'Result'],
        [
          ['✅ Win', 'a'],
          ['Unclear', 'b'],
        ],
      ).kind,
    ).toBe('plain');
  });

  it('rejects empty first cells and marker-only cells', () => {
    expect(
      classify(
        ['Outcome', 'Result'],
        [
          ['✅ Win', 'a'],
          ['', 'b'],
        ],
      ).kind,
    ).toBe('plain');
    expect(classify(['Outcome', 'Result'], [['✅', 'a']]).kind).toBe('plain');
  });

  it('finds an optional likelihood column', () => {
    const t = classify(['Outcome', 'Conditions', 'Likelihood'], [['✅ Win', 'a', 'High']]);
    expect(t.kind === 'outcome' && t.likelihoodColumn).toBe(1);
  });

  it('makes a table with an empty top-left cell and two sides a comparison table', () => {
    const t = classify(['', 'ByteDance', 'Alibaba'], [['Pricing', 'low', 'value']]);
    expect(t.kind).toBe('comparison');
  });

  it('leaves other tables plain', () => {
    expect(classify(['Year', 'Value'], [['2024', '1']]).kind).toBe('plain');
    expect(classify(['', 'Only one side'], [['x', 'y']]).kind).toBe('plain');
  });
});

describe('parseTableHtml', () => {
  it('reads alignment and keeps cell HTML', () => {
    const html =
      '<thead><tr><th style="text-align:right">N</th><th>Name</th></tr></thead><tbody><tr><td style="text-align:right">1</td><td><a href="/x">x</a></td></tr></tbody>';
    const t = parseTableHtml(html)!;
    expect(t.align).toEqual(['right', undefined]);
    expect(t.rows[0]![1]).toBe('<a href="/x">x</a>');
  });

  it('returns undefined without a header', () => {
    expect(parseTableHtml('<tbody><tr><td>a</td></tr></tbody>')).toBeUndefined();
  });
});

describe('parseTableHtml reads cells as a browser does', () => {
  it('decodes every entity once, keeps out-of-range references as text and ignores markup inside attributes', () => {
    const t = parseTableHtml(
      '<thead><tr><th title="</th><th>">A &amp;lt; &#99999999; &nbsp;B</th><th>C</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody>',
    )!;
    expect(t.head).toHaveLength(2);
    expect(textOf(t.head[0]!)).toBe('A &lt; \uFFFD B');
    expect(t.rows).toEqual([['1', '2']]);
  });
});
