import { formatValue } from './format.ts';
import type { Figure } from './types.ts';

/** Default relative tolerance between what a source stated and what we compute: 0.5%. */
export const DEFAULT_TOLERANCE = 0.005;

export interface Discrepancy {
  figure: Figure;
  stated: number;
  computed: number;
  /** Relative difference, e.g. 0.012 for 1.2%. */
  difference: number;
  message: string;
}

/**
 * Compare what sources stated with what the registry computes: "253-fold"
 * against 30 T / 120 bn = 250×. Differences beyond the tolerance are reported.
 */
export function findDiscrepancies(figures: readonly Figure[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const f of figures) {
    if (f.stated === undefined) continue;
    const difference = f.value === 0 ? Math.abs(f.stated) : Math.abs(f.stated - f.value) / Math.abs(f.value);
    if (difference <= (f.tolerance ?? DEFAULT_TOLERANCE)) continue;
    const spec = { ...f, digits: Math.max(f.digits ?? 3, 4) };
    out.push({
      figure: f,
      stated: f.stated,
      computed: f.value,
      difference,
      message: `${f.file}:${f.line} (${f.id}): the source states ${formatValue(f.stated, spec)} but ${f.formula ?? 'the registry'} gives ${formatValue(f.value, spec)} (${(difference * 100).toFixed(1)}% apart).`,
    });
  }
  return out;
}
