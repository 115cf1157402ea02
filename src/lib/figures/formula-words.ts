/**
 * A formula as a reader reads it: figures as their values, operators as
 * ÷ × − +, and the figures named once below it. `bytedance.capex.2026 / 365`
 * reads "¥200 bn ÷ 365", with "¥200 bn: ByteDance AI infrastructure
 * spending plan for 2026". Registry ids never reach the reader.
 */
import { parseFormula, type Expr } from './formula.ts';
import { formatNumber, formatValue } from './format.ts';
import type { Figure } from './types.ts';

const OPS = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^' } as const;
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 } as const;

export interface FormulaWords {
  /** "(¥200 bn − ¥160 bn) ÷ ¥160 bn × 100" */
  text: string;
  /** Each figure the formula uses, once, in order: value as printed and label. */
  inputs: Array<{ id: string; value: string; label: string }>;
}

export function formulaInWords(
  formula: string,
  figure: (id: string) => Pick<Figure, 'label' | 'value' | 'unit' | 'scale' | 'digits' | 'noun'> | undefined,
): FormulaWords {
  const inputs = new Map<string, { id: string; value: string; label: string }>();
  const words = (e: Expr, parent = 0, right = false): string => {
    switch (e.kind) {
      case 'num':
        return formatNumber(e.value, 6);
      case 'id': {
        const f = figure(e.name);
        // Short, without a rate or period: "¥0.0008", "¥200 bn" (the label below says what it is).
        const value = f
          ? formatValue(f.value, { unit: f.unit, scale: f.scale, digits: f.digits, noun: f.noun }, 'short')
          : 'an unknown figure';
        if (f && !inputs.has(e.name)) inputs.set(e.name, { id: e.name, value, label: f.label });
        return value;
      }
      case 'neg':
        return `−${words(e.arg, 4)}`;
      case 'call':
        return `${{ min: 'the smaller of', max: 'the larger of', abs: 'the size of' }[e.fn]} (${e.args.map((a) => words(a)).join(', ')})`;
      case 'bin': {
        const p = PRECEDENCE[e.op];
        const inner = `${words(e.left, p)} ${OPS[e.op]} ${words(e.right, p, true)}`;
        // Brackets where the tree needs them: a lower-precedence child, or a right operand of − or ÷ at equal precedence.
        return p < parent || (right && p === parent) ? `(${inner})` : inner;
      }
    }
  };
  const text = words(parseFormula(formula));
  return { text, inputs: [...inputs.values()] };
}
