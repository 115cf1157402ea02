import { describe, expect, it } from 'vitest';
import { formulaInWords } from '../../../src/lib/figures/formula-words.ts';
import { evaluateFormula, parseFormula } from '../../../src/lib/figures/formula.ts';

const figures = {
  'b.plan': { label: 'The 2026 plan', value: 200, unit: 'CNY', scale: 'billion' },
  'b.initial': { label: 'The earlier plan', value: 160, unit: 'CNY', scale: 'billion' },
  'fx.usd-per-cny': { label: 'Dollars per yuan', value: 0.138, unit: 'multiple', scale: 'one' },
  'p.after': { label: 'Price after', value: 0.0008, unit: 'CNY', scale: 'one', per: '1,000 tokens' },
} as const;
const words = (f: string) => formulaInWords(f, (id) => figures[id as keyof typeof figures]);

describe('formulas in words', () => {
  it('write values and operators, and name each input once, with no registry ids', () => {
    const w = words('(b.plan - b.initial) / b.initial * 100');
    expect(w.text).toBe('(¥200 bn − ¥160 bn) ÷ ¥160 bn × 100');
    expect(w.inputs.map((i) => `${i.value}: ${i.label}`)).toEqual([
      '¥200 bn: The 2026 plan',
      '¥160 bn: The earlier plan',
    ]);
    expect(w.text).not.toMatch(/b\.plan|b\.initial/);
    expect(words('b.plan / 365').text).toBe('¥200 bn ÷ 365');
    expect(words('b.plan * fx.usd-per-cny').text).toBe('¥200 bn × 0.138×');
    // A rate is left to the label: the price reads "¥0.0008", not "¥0.0008/1,000".
    expect(words('p.after * 1000').text).toBe('¥0.0008 × 1,000');
  });

  it('keep the brackets the arithmetic needs, so the words compute what the formula does', () => {
    expect(words('b.plan - (b.initial - 10)').text).toBe('¥200 bn − (¥160 bn − 10)');
    expect(words('b.plan - b.initial - 10').text).toBe('¥200 bn − ¥160 bn − 10');
    expect(words('b.plan / (b.initial * 2)').text).toBe('¥200 bn ÷ (¥160 bn × 2)');
    expect(words('(1 - b.initial / b.plan) * 100').text).toBe('(1 − ¥160 bn ÷ ¥200 bn) × 100');
    // Reading the words back as arithmetic gives the formula's own value.
    for (const f of [
      'b.plan - (b.initial - 10)',
      'b.plan / (b.initial * 2)',
      '(1 - b.initial / b.plan) * 100',
      '(b.plan - b.initial) / b.initial * 100',
    ]) {
      const back = words(f)
        .text.replace(/¥(\d+) bn/g, '$1')
        .replace(/−/g, '-')
        .replace(/×/g, '*')
        .replace(/÷/g, '/');
      const values = new Map(Object.entries(figures).map(([k, v]) => [k, v.value]));
      expect(evaluateFormula(parseFormula(back), new Map())).toBeCloseTo(evaluateFormula(parseFormula(f), values), 9);
    }
  });
});
