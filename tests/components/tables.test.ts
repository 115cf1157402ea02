import { describe, expect, it } from 'vitest';
import { render } from './render.ts';
import SmartTable from '../../src/components/tables/SmartTable.astro';

const table = (rows: string[][]) =>
  `<table><thead><tr>${rows[0]!.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows
    .slice(1)
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

describe('SmartTable', () => {
  it('turns a table whose first column carries ✅ ⚠️ ❌ into an outcome table with a status per row', async () => {
    const html = await render(SmartTable, {
      slots: {
        default: table([
          ['Scenario', 'Conditions', 'Result'],
          ['✅ Platform win', 'Doubao keeps growing', 'Lock-in'],
          ['❌ Price war', 'Rivals match', 'Margins fall'],
        ]),
      },
    });
    expect(html).toMatch(/outcome/);
    expect(html).toContain('Platform win');
    expect(html).toContain('Price war');
    expect(html).not.toMatch(/<td>✅/);
  });

  it('leaves a table without markers as a plain table, cells intact', async () => {
    const html = await render(SmartTable, {
      slots: {
        default: table([
          ['Company', 'Share'],
          ['Volcano Engine', '49.2%'],
        ]),
      },
    });
    expect(html).not.toMatch(/outcome/);
    expect(html).toContain('Volcano Engine');
    expect(html).toContain('49.2%');
  });
});

describe('OutcomeTable', () => {
  it('renders rows given as data with their status', async () => {
    const { default: OutcomeTable } = await import('../../src/components/mdx/OutcomeTable.astro');
    const html = await render(OutcomeTable, {
      props: {
        caption: 'Where the bet lands',
        columns: ['Scenario', 'Result'],
        rows: [
          { status: '✅', scenario: 'Win', cells: ['Lock-in'] },
          { status: 'bad', scenario: 'Loss', cells: ['Write-down'] },
        ],
      },
    });
    expect(html).toContain('Where the bet lands');
    expect(html).toMatch(
      /outcome__badge--good[\s\S]*Best case[\s\S]*Win[\s\S]*outcome__badge--bad[\s\S]*Worst case[\s\S]*Loss/,
    );
  });

  it('refuses a row with the wrong number of cells, naming the row and the fix', async () => {
    const { default: OutcomeTable } = await import('../../src/components/mdx/OutcomeTable.astro');
    await expect(
      render(OutcomeTable, {
        props: {
          caption: 'C',
          columns: ['Scenario', 'Result'],
          rows: [{ status: '✅', scenario: 'Win', cells: ['a', 'b'] }],
        },
      }),
    ).rejects.toThrow(/row 1 has 2 cells[\s\S]*Fix:/);
  });
});
