import { join } from 'node:path';
import { CACHE_DIR } from '../build/cache-dir.ts';

/** Where chart images and data files are cached between builds, and the URL they are served from. */
export const CHART_CACHE_DIR = join(CACHE_DIR, 'charts');
export const CHART_URL_PREFIX = '/charts/';

/** The views of a chart's SVG that show its drawing alone, wide and for phones: `chart-….svg#wide` (render-static.ts, config.ts: PAGE_LAYOUTS). */
export const WIDE_VIEW = 'wide';
export const NARROW_VIEW = 'narrow';

/** Chart asset file names referenced in some text (HTML, feeds). */
export function chartAssetsIn(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(/\/charts\/(chart-[0-9a-f]{16}(?:\.svg|-light\.png|\.csv|\.json|\.woff2))/g)].map((m) => m[1]!),
    ),
  ];
}
