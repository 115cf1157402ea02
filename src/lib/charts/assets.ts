import { join } from 'node:path';

/** Where chart images and data files are cached between builds, and the URL they are served from. */
export const CHART_CACHE_DIR = join(process.cwd(), '.cache', 'charts');
export const CHART_URL_PREFIX = '/charts/';

/** Chart asset file names referenced in some text (HTML, feeds). */
export function chartAssetsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\/charts\/(chart-[0-9a-f]{16}(?:-(?:light|dark)\.png|\.csv|\.json))/g)].map((m) => m[1]!))];
}
