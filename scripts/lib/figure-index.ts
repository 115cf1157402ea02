import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureIndex } from '../../src/lib/lint/context.ts';
import type { Registry } from '../../src/lib/figures/types.ts';
import type { FigureLookup } from '../../src/lib/charts/spec.ts';
import { SCALES } from '../../src/lib/figures/units.ts';
import { formulaIds, parseFormula } from '../../src/lib/figures/formula.ts';
import { reviewDate } from '../../src/lib/figures/staleness.ts';

/**
 * The figures registry as the linter needs it, read from the generated data
 * (src/generated/figures.json, written by `npm run figures`). Undefined until the
 * registry has been pulled once.
 */
export function loadFigureIndex(root: string): FigureIndex | undefined {
  const path = join(root, 'src', 'generated', 'figures.json');
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return toFigureIndex(data);
}

/** Adapter from the generated registry's shape; kept in one place so the linter never reads the file format directly. */
export function toFigureIndex(data: unknown): FigureIndex | undefined {
  const registry = data as Registry;
  if (!registry?.figures) return undefined;
  const figures = Object.values(registry.figures);
  return {
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
    reviewDateOf: (id) => (registry.figures[id] ? reviewDate(registry.figures[id]) : undefined),
    numbers: figures.map((f) => ({ id: f.id, unit: f.unit, base: f.value * SCALES[f.scale] })),
  };
}

/** The generated registry as the chart library looks figures up (for checking chart specs before the build). */
export function loadChartLookup(root: string): FigureLookup | undefined {
  const path = join(root, 'src', 'generated', 'figures.json');
  if (!existsSync(path)) return undefined;
  const registry = JSON.parse(readFileSync(path, 'utf8')) as Registry;
  return {
    figure: (id) => registry.figures[id],
    series: (id) => registry.series[id],
    figureIds: () => Object.keys(registry.figures),
    seriesIds: () => Object.keys(registry.series),
  };
}
