import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatNumber,
  formatPartialDate,
  formatValue,
  makeValueFormatter,
  percentChange,
  rescale,
  roundSignificant,
} from '../../../src/lib/figures/format.ts';
import { PERIODS, SCALES, UNITS, type Scale } from '../../../src/lib/figures/units.ts';

describe('formatValue', () => {
  it('reads as the column writes numbers', () => {
    expect(formatValue(200, { unit: 'CNY', scale: 'billion' })).toBe('¥200 billion');
    expect(formatValue(200, { unit: 'CNY', scale: 'billion' }, 'short')).toBe('¥200 bn');
    expect(formatValue(27.54, { unit: 'USD', scale: 'billion' })).toBe('$27.5 billion');
    expect(formatValue(1, { unit: 'EUR', scale: 'billion' })).toBe('€1 billion');
    expect(formatValue(49.2, { unit: 'percent', scale: 'one' })).toBe('49.2%');
    expect(formatValue(30, { unit: 'tokens', scale: 'trillion', period: 'day' })).toBe('30 trillion tokens a day');
    expect(formatValue(30, { unit: 'tokens', scale: 'trillion', period: 'day' }, 'short')).toBe('30 tn tokens');
    expect(formatValue(0.0008, { unit: 'CNY', scale: 'one', per: '1,000 tokens' })).toBe('¥0.0008 per 1,000 tokens');
    expect(formatValue(250, { unit: 'multiple', scale: 'one' })).toBe('250×');
    expect(formatValue(170000, { unit: 'count', scale: 'one', noun: 'derivative models' })).toBe(
      '170,000 derivative models',
    );
    expect(formatValue(547.945, { unit: 'CNY', scale: 'million', period: 'day' })).toBe('¥548 million a day');
    expect(formatValue(547.945, { unit: 'CNY', scale: 'million', digits: 4 })).toBe('¥547.9 million');
    expect(formatValue(-12.5, { unit: 'percent', scale: 'one' })).toBe('−12.5%');
    expect(formatValue(33.4, { unit: 'CNY', scale: 'billion', period: 'quarter' })).toBe('¥33.4 billion');
  });

  it('formats any finite value in any unit and scale without NaN, Infinity, undefined or float noise', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...(Object.keys(SCALES) as Scale[])),
        fc.option(fc.constantFrom(...PERIODS), { nil: undefined }),
        fc.constantFrom<'long' | 'short'>('long', 'short'),
        (value, unit, scale, period, style) => {
          const text = formatValue(value, { unit, scale, period }, style);
          expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
          // No float noise like 547.9452054794: at most 3 significant digits after the integer part.
          const digitsShown = /(\d[\d,]*)(?:\.(\d+))?/.exec(text)!;
          const integer = digitsShown[1]!.replace(/,/g, '').replace(/^0+/, '');
          const fraction = digitsShown[2] ?? '';
          const significant =
            integer.length > 0 ? integer.length + fraction.length : fraction.replace(/^0+/, '').length;
          expect(significant).toBeLessThanOrEqual(Math.max(3, integer.length));
          expect(formatValue(value, { unit, scale, period }, style)).toBe(text); // deterministic
        },
      ),
    );
  });
});

describe('rounding', () => {
  it('rounds to significant digits but keeps integer parts', () => {
    expect(roundSignificant(547.945, 3)).toBe(548);
    expect(roundSignificant(0.000812, 2)).toBe(0.00081);
    expect(roundSignificant(123456, 3)).toBe(123456);
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.0000001)).toBe('-1.00e-7');
  });

  it('is stable: rounding a rounded value changes nothing', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 6 }),
        (v, d) => {
          const once = roundSignificant(v, d);
          expect(roundSignificant(once, d)).toBe(once);
        },
      ),
    );
  });
});

describe('helpers', () => {
  it('rescales, computes change and formats partial dates', () => {
    expect(rescale(0.12, 'trillion', 'billion')).toBeCloseTo(120);
    expect(percentChange(160, 200)).toBe(25);
    expect(percentChange(0, 1)).toBeUndefined();
    expect(formatPartialDate('2026')).toBe('2026');
    expect(formatPartialDate('2025-09')).toBe('Sep 2025');
    expect(formatPartialDate('2025-10-20')).toBe('20 Oct 2025');
    expect(makeValueFormatter({ unit: 'CNY', scale: 'billion', period: 'year' })(85)).toBe('¥85 bn');
  });
});
