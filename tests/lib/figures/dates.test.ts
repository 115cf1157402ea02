import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  endOfPartialDate,
  htmlDatetime,
  isPartialDate,
  startOfPartialDate,
} from '../../../src/lib/figures/dates.ts';
import { formatPartialDate } from '../../../src/lib/figures/format.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('registry dates', () => {
  it('accept a year, a month, a day, a half-year or a quarter, and nothing else', () => {
    for (const ok of ['2026', '2025-06', '2025-10-20', '2025-H1', '2025-H2', '2025-Q1', '2025-Q4', '2024-02-29'])
      expect(isPartialDate(ok), ok).toBe(true);
    for (const bad of [
      '2025-H3',
      '2025-Q5',
      '2025-Q0',
      '2025-h1',
      '2025-13',
      '2025-02-30',
      'H1 2025',
      '2025-H1-01',
      '',
    ])
      expect(isPartialDate(bad), bad).toBe(false);
  });

  it('cover the span they name', () => {
    const cases: Array<[string, string, string]> = [
      ['2026', '2026-01-01', '2026-12-31'],
      ['2025-06', '2025-06-01', '2025-06-30'],
      ['2025-10-20', '2025-10-20', '2025-10-20'],
      ['2025-H1', '2025-01-01', '2025-06-30'],
      ['2025-H2', '2025-07-01', '2025-12-31'],
      ['2025-Q1', '2025-01-01', '2025-03-31'],
      ['2025-Q3', '2025-07-01', '2025-09-30'],
      ['2024-Q4', '2024-10-01', '2024-12-31'],
    ];
    for (const [date, start, end] of cases) {
      expect(iso(startOfPartialDate(date)), date).toBe(start);
      expect(iso(endOfPartialDate(date)), date).toBe(end);
    }
  });

  it('read as the period they name: H1 2025, not its last month', () => {
    expect(formatPartialDate('2025-H1')).toBe('H1 2025');
    expect(formatPartialDate('2025-Q3')).toBe('Q3 2025');
    expect(formatPartialDate('2025-06')).toBe('Jun 2025');
  });

  it('sort by where they start, then where they end', () => {
    expect(
      ['2025', '2025-07', '2025-H2', '2025-06', '2025-H1', '2024-Q4', '2025-01-15'].sort(comparePartialDates),
    ).toEqual(['2024-Q4', '2025-H1', '2025', '2025-01-15', '2025-06', '2025-07', '2025-H2']);
  });

  it('give HTML a datetime it accepts', () => {
    expect(htmlDatetime('2025-H1')).toBe('2025');
    expect(htmlDatetime('2025-Q3')).toBe('2025');
    expect(htmlDatetime('2025-06')).toBe('2025-06');
    expect(htmlDatetime('2025-10-20')).toBe('2025-10-20');
  });
});
