/**
 * Counts of images drawn and taken from cache during one build, shared by
 * the chart and social-card code and read by the chart-assets integration at
 * the end of the build (which writes them where `scripts/build.ts` reads
 * them for its summary). One per process (process-state.ts).
 */
import { processState } from './process-state.ts';

export interface BuildStats {
  charts: { drawn: number; cached: number };
  cards: { drawn: number; cached: number };
  /** Time the build waited, after the last page, for images still being drawn (placing those already written meanwhile). */
  waitMs: number;
  /** Cache files that failed verification and were drawn again (verified-cache.ts), relative to the cache folder. */
  rejected: string[];
}

export function buildStats(): BuildStats {
  return processState<BuildStats>('build-stats', () => ({
    charts: { drawn: 0, cached: 0 },
    cards: { drawn: 0, cached: 0 },
    waitMs: 0,
    rejected: [],
  }));
}
