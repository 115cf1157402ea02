import { ContentError, nearest } from '../errors.ts';
import { evaluateFormula, formulaIds, parseFormula, FormulaError, type Expr } from './formula.ts';
import type { FigureDecl } from './types.ts';
import { SCALES } from './units.ts';

/**
 * Compute every derived figure. Formulas work in base units (¥200 bn is
 * 2e11), so figures of different scales combine correctly; the result is
 * expressed in the derived figure's declared scale. Unknown ids, cycles and
 * arithmetic failures are reported with the figure's file and line.
 */
export function evaluateDerived(
  decls: readonly FigureDecl[],
  /** Ids whose entry has an error already reported: a formula using one fails without a second message. */
  broken: ReadonlySet<string> = new Set(),
): { values: Map<string, number>; errors: ContentError[] } {
  const byId = new Map(decls.map((d) => [d.id, d]));
  const base = new Map<string, number>();
  const errors: ContentError[] = [];
  const parsed = new Map<string, Expr>();
  const failed = new Set<string>();

  for (const d of decls) {
    if (d.value !== undefined) base.set(d.id, d.value * SCALES[d.scale]);
    if (d.formula === undefined) continue;
    try {
      const expr = parseFormula(d.formula);
      parsed.set(d.id, expr);
      for (const id of formulaIds(expr)) {
        if (broken.has(id)) failed.add(d.id);
        else if (!byId.has(id)) {
          errors.push(
            new ContentError({
              file: d.file,
              line: d.line,
              field: `${d.id}.formula`,
              message: `The formula refers to unknown id "${id}".`,
              fix: `Did you mean ${nearest(id, byId.keys(), 3)
                .map((x) => `"${x}"`)
                .join(', ')}?`,
            }),
          );
          failed.add(d.id);
        }
      }
    } catch (e) {
      errors.push(
        new ContentError({
          file: d.file,
          line: d.line,
          field: `${d.id}.formula`,
          message: (e as Error).message,
          fix: 'Formulas use numbers, figure ids, + - * / ^, parentheses and min/max/abs; write subtraction with spaces.',
        }),
      );
      failed.add(d.id);
    }
  }

  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): number | undefined => {
    if (base.has(id)) return base.get(id);
    if (failed.has(id)) return undefined;
    const d = byId.get(id);
    const expr = parsed.get(id);
    if (!d || !expr) return undefined;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      errors.push(
        new ContentError({
          file: d.file,
          line: d.line,
          field: `${id}.formula`,
          message: `Formula cycle: ${cycle.join(' → ')}.`,
          fix: 'A derived figure cannot depend on itself; give one of them a `value`.',
        }),
      );
      for (const c of cycle) failed.add(c);
      return undefined;
    }
    state.set(id, 'visiting');
    const deps = new Map<string, number>();
    for (const dep of formulaIds(expr)) {
      const v = visit(dep, [...trail, id]);
      if (v === undefined) {
        failed.add(id);
        state.set(id, 'done');
        return undefined;
      }
      deps.set(dep, v);
    }
    state.set(id, 'done');
    try {
      const v = evaluateFormula(expr, deps);
      base.set(id, v);
      return v;
    } catch (e) {
      errors.push(
        new ContentError({
          file: d.file,
          line: d.line,
          field: `${id}.formula`,
          message: `${(e as FormulaError).message} in "${d.formula}".`,
          fix: 'Check the figures the formula uses.',
        }),
      );
      failed.add(id);
      return undefined;
    }
  };
  for (const d of decls) if (d.formula !== undefined) visit(d.id, []);

  const values = new Map<string, number>();
  for (const d of decls) {
    const b = base.get(d.id);
    if (b !== undefined) values.set(d.id, b / SCALES[d.scale]);
  }
  return { values, errors };
}
