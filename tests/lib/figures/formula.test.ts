import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateFormula, formulaIds, parseFormula } from '../../../src/lib/figures/formula.ts';

const evaluate = (src: string, values: Record<string, number> = {}) =>
  evaluateFormula(parseFormula(src), new Map(Object.entries(values)));

describe('formulas', () => {
  it('follows arithmetic precedence and associativity', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluate('8 / 4 / 2')).toBe(1);
    expect(evaluate('-2 ^ 2')).toBe(4);
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('min(3, 1, 2) + max(1, 5) + abs(-2)')).toBe(8);
  });

  it('reads dotted ids with hyphens, and subtraction with spaces', () => {
    const v = { 'fx.usd-per-cny': 0.14, 'a.b': 10, 'a.c': 4 };
    expect(evaluate('200 * fx.usd-per-cny', v)).toBeCloseTo(28);
    expect(evaluate('a.b - a.c', v)).toBe(6);
    expect(formulaIds(parseFormula('(a.b - a.c) / a.b * fx.usd-per-cny'))).toEqual([
      'a.b',
      'a.c',
      'a.b',
      'fx.usd-per-cny',
    ]);
  });

  it('rejects unknown ids, division by zero and syntax errors with a column', () => {
    expect(() => evaluate('a.b / 2')).toThrow('Unknown id "a.b"');
    expect(() => evaluate('1 / (2 - 2)')).toThrow('Division by zero');
    expect(() => evaluate('10 ^ 400')).toThrow('not a finite number');
    expect(() => parseFormula('1 +')).toThrow(/end of formula/);
    expect(() => parseFormula('(1 + 2')).toThrow(/Expected "\)" at column 7/);
    expect(() => parseFormula('a.b -')).toThrow(/cannot end with "-"|end of formula/);
  });

  it('never runs code: property access, calls and statements are syntax errors or unknown ids', () => {
    for (const src of [
      'process.exit(1)',
      'constructor.constructor("return 1")()',
      'a; b',
      '__proto__',
      'this',
      '`x`',
      'a[0]',
      'require("fs")',
    ]) {
      expect(() => evaluate(src), src).toThrow();
    }
    // `__proto__` and `constructor` are looked up in the values map only.
    expect(() => evaluate('constructor')).toThrow('Unknown id "constructor"');
  });

  it('evaluates any generated arithmetic like JavaScript does (when finite)', () => {
    const num = fc.integer({ min: -1000, max: 1000 }).map(String);
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        num,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        // Reference: the same arithmetic computed by a separate tiny evaluator over the fully parenthesised text.
        const reference = (s: string): number => {
          const m = /^\((.*)\)$/.exec(s);
          if (!m) return Number(s);
          let depth = 0;
          for (let i = 0; i < m[1]!.length; i++) {
            const c = m[1]![i];
            if (c === '(') depth++;
            else if (c === ')') depth--;
            else if (depth === 0 && c === ' ' && /[+\-*]/.test(m[1]![i + 1]!) && m[1]![i + 2] === ' ') {
              const a = reference(m[1]!.slice(0, i));
              const b = reference(m[1]!.slice(i + 3));
              const op = m[1]![i + 1];
              return op === '+' ? a + b : op === '-' ? a - b : a * b;
            }
          }
          return Number(m[1]);
        };
        const expected = reference(src);
        if (Number.isFinite(expected)) expect(evaluate(src)).toBe(expected);
      }),
    );
  });
});
