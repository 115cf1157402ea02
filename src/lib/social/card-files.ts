import { join } from 'node:path';
import { CACHE_DIR } from '../build/cache-dir.ts';

/*
 * Social card file names, apart from the drawing code (og-image.ts) so the
 * integration that publishes cards loads no canvas. A card is published as
 * `/og/<slug>.<hash>.png` and cached as `og-<hash>.png`.
 */

/** Where cards are drawn to and kept between builds, and the URL they are published under. */
export const OG_CACHE_DIR = join(CACHE_DIR, 'og');
export const OG_URL_PREFIX = '/og/';

/** The cache file of the card whose published name (`<slug>.<hash>`) ends in `hash`. */
export function cardCacheFile(hash: string, cacheDir = OG_CACHE_DIR): string {
  return join(cacheDir, `og-${hash}.png`);
}

/** Published card file names (`<slug>.<hash>.png`) under /og/ in some text (HTML, feeds), with each one's hash. */
export function socialCardsIn(text: string): Array<{ name: string; hash: string }> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/\/og\/([a-z0-9-]+\.([0-9a-f]{16})\.png)/g)) found.set(m[1]!, m[2]!);
  return [...found].map(([name, hash]) => ({ name, hash }));
}
