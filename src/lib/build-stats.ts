/**
 * Counts of images drawn and taken from cache during one build, shared by
 * the chart and social-card code and read by the chart-assets integration at
 * the end of the build (which writes them where `scripts/build.ts` reads
 * them for its summary). Kept on globalThis because Astro bundles pages and
 * loads integrations as separate module instances in the same process.
 */
export interface BuildStats {
  charts: { drawn: number; cached: number };
  cards: { drawn: number; cached: number };
  /** Time the build waited, after the last page, for images still being drawn. */
  waitMs: number;
}

const KEY = Symbol.for('ai-frontier.build-stats');

export function buildStats(): BuildStats {
  const shared = globalThis as unknown as Record<symbol, BuildStats | undefined>;
  return (shared[KEY] ??= { charts: { drawn: 0, cached: 0 }, cards: { drawn: 0, cached: 0 }, waitMs: 0 });
}
