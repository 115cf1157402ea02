import type { FigureIndex } from '../../src/lib/lint/context.ts';
import type { Registry } from '../../src/lib/figures/types.ts';
import { SCALES } from '../../src/lib/figures/units.ts';
import { formulaIds, parseFormula } from '../../src/lib/figures/formula.ts';
import { reviewDate } from '../../src/lib/figures/staleness.ts';
import { endOfPartialDate } from '../../src/lib/figures/dates.ts';

/** The validated registry as the linter needs it; kept in one place so the linter never reads the registry's shape directly. */
export function toFigureIndex(registry: Registry, broken: ReadonlySet<string> = new Set()): FigureIndex {
  const figures = Object.values(registry.figures);
  const newer = new Map<string, Array<{ id: string; date: Date }>>();
  for (const f of figures)
    if (f.previousId && f.source.date)
      newer.set(f.previousId, [
        ...(newer.get(f.previousId) ?? []),
        { id: f.id, date: endOfPartialDate(f.source.date) },
      ]);
  return {
    supersededBy: (id) => newer.get(id) ?? [],
    broken,
    figureIds: figures.map((f) => f.id),
    seriesIds: Object.keys(registry.series ?? {}),
    declaredAt: (id) => {
      const f = registry.figures[id];
      return f ? { file: f.file, line: f.line } : undefined;
    },
    inputsOf: (id) => {
      const f = registry.figures[id];
      if (!f) return [];
      const inputs = f.formula ? formulaIds(parseFormula(f.formula)) : [];
      return f.previousId ? [...inputs, f.previousId] : inputs;
    },
    sourceUrlOf: (id) => registry.figures[id]?.source.url,
    reviewDateOf: (id) => (registry.figures[id] ? reviewDate(registry.figures[id]) : undefined),
    numbers: figures.map((f) => ({
      id: f.id,
      unit: f.unit,
      base: f.value * SCALES[f.scale],
      label: f.label,
      text: f.text.long,
      period: f.period,
      per: f.per,
    })),
  };
}
