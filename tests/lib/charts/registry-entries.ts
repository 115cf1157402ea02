/** Registry entries for chart tests: only what a test states differs from these defaults. */
import type { Figure, Series, Source } from '../../../src/lib/figures/types.ts';

export const fixtureSource = (url = 'https://example.org/piece'): Source => ({ name: 'Source', url, date: '2026' });

export function figureFixture(id: string, value: number, more: Partial<Figure> = {}): Figure {
  return {
    id,
    label: id,
    value,
    unit: 'percent',
    scale: 'one',
    asOf: '2025-06',
    source: fixtureSource(),
    revisions: [],
    file: 'f.yaml',
    line: 1,
    text: { long: '', short: '' },
    ...more,
  };
}

/** A two-point series, May 2024 to September 2025 (0.12 → 30 unless `points` says otherwise). */
export function seriesFixture(id: string, more: Pick<Series, 'label' | 'unit' | 'scale'> & Partial<Series>): Series {
  return {
    id,
    points: [
      { date: '2024-05', value: 0.12 },
      { date: '2025-09', value: 30 },
    ],
    source: fixtureSource(),
    file: 'f.yaml',
    line: 1,
    ...more,
  };
}
