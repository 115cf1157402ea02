/**
 * Social cards scheduled from the main thread: a page asks for its card, gets the card's name at
 * once and the drawing goes to the image pool (the worker draws with social/og-image.ts).
 */
import { socialCardHash, type SocialCard } from '../social/og-image.ts';
import { cardCacheFile, OG_CACHE_DIR } from '../social/card-files.ts';
import { buildStats } from './build-stats.ts';
import { pendingWrite, scheduleWrite } from './pending-writes.ts';
import { processState } from './process-state.ts';
import { renderToFile } from './render-pool.ts';
import { reuseCacheFile } from './verified-cache.ts';

/** Cards already counted in this build's stats (a card is referenced by its page and by feeds). */
const counted = () => processState('cards-counted', () => new Set<string>());

/**
 * Start drawing the card in the worker pool unless it is cached, and give its hash (its name in the
 * cache and in its URL) and when it is written; the page that names it moves on.
 * After the build, the chart-assets integration waits for every card and publishes those the
 * pages and feeds name (`socialCardsIn`).
 */
export function startSocialCard(card: SocialCard, cacheDir = OG_CACHE_DIR): { hash: string; done: Promise<void> } {
  const hash = socialCardHash(card);
  const file = cardCacheFile(hash, cacheDir);
  if (!counted().has(file)) {
    counted().add(file);
    buildStats().cards[pendingWrite(file) || !reuseCacheFile(file) ? 'drawn' : 'cached']++;
  }
  return { hash, done: scheduleWrite(file, () => renderToFile({ kind: 'social-card', card }, file)) };
}
