import { describe, expect, it } from 'vitest';
import { typedNumbers } from '../../../src/lib/lint/prose-numbers.ts';

const read = (s: string) => typedNumbers(s).map((n) => [n.text, n.unit, n.base]);

describe('typedNumbers', () => {
  it('reads currencies with scales', () => {
    expect(read('raised to ¥200 billion, about $28 bn, and €1 billion in Finland')).toEqual([
      ['¥200 billion', 'CNY', 2e11],
      ['$28 bn', 'USD', 2.8e10],
      ['€1 billion', 'EUR', 1e9],
    ]);
    expect(read('RMB 33.4 billion and 0.0008 yuan')).toEqual([
      ['RMB 33.4 billion', 'CNY', 3.34e10],
      ['0.0008 yuan', 'CNY', 0.0008],
    ]);
  });

  it('reads percentages and token counts', () => {
    expect(read('49.2% of the market, 30 trillion tokens a day, 120 billion')).toEqual([
      ['49.2%', 'percent', 49.2],
      ['30 trillion tokens', 'tokens', 3e13],
      ['120 billion', 'count', 1.2e11],
    ]);
  });

  it('leaves bare numbers such as years alone', () => {
    expect(read('In May 2024, 3 companies and 20,000 chips')).toEqual([]);
  });
});
