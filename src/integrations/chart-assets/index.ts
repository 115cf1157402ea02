import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CHART_CACHE_DIR, CHART_URL_PREFIX, chartAssetsIn } from '../../lib/charts/assets.ts';
import { buildStats } from '../../lib/build/build-stats.ts';
import { pendingWrite, placeAsWritten, settleAll } from '../../lib/build/pending-writes.ts';
import { publishFile } from '../../lib/build/publish-file.ts';
import { rejectedFiles, reuseCacheFile } from '../../lib/build/verified-cache.ts';
import { CACHE_DIR } from '../../lib/build/cache-dir.ts';
import { cardCacheFile, OG_URL_PREFIX, socialCardsIn } from '../../lib/social/card-files.ts';

/**
 * Chart images and data files, and social cards, are rendered into a cache
 * during the build (so nothing unchanged is drawn twice), in the background.
 * This integration serves them on the dev server (waiting for one still being
 * drawn) and, after a build, waits for every drawing and puts every file
 * the pages and feeds reference into dist/charts/ and dist/og/, each checked against the cache's
 * log first and never sharing bytes with the cache (src/lib/build/publish-file.ts: carried over
 * from the last build's output, AIF_PREVIOUS_OUT, when unchanged, else copied). When AIF_BUILD_STATS names a file,
 * the build's image counts (drawn, from cache) are written there for
 * `scripts/build.ts`'s summary.
 */
/** The file name a dev-server request asks for under a mounted prefix (no leading slash, no query). */
const requestName = (url: string | undefined): string => (url ?? '').replace(/^\//, '').split('?')[0]!;

/** Serve a cached file on the dev server; one still being drawn is served once it is written, a missing one falls through. */
function serveCached(file: string, type: string, res: ServerResponse, next: () => void): void {
  void Promise.resolve(pendingWrite(file)?.catch(() => undefined)).then(() => {
    if (!existsSync(file)) return next();
    res.setHeader('Content-Type', type);
    createReadStream(file).pipe(res);
  });
}

export function chartAssets(): AstroIntegration {
  return {
    name: 'ai-frontier:chart-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // Social cards: /og/<slug>.<hash>.png from the cache, once the page naming it has started drawing it.
        server.middlewares.use(OG_URL_PREFIX, (req, res, next) => {
          const card = socialCardsIn(`${OG_URL_PREFIX}${requestName(req.url)}`)[0];
          if (!card) return next();
          serveCached(cardCacheFile(card.hash), 'image/png', res, next);
        });
        server.middlewares.use(CHART_URL_PREFIX, (req, res, next) => {
          const name = requestName(req.url);
          if (!/^chart-[0-9a-f]+[-.a-z]*(?:woff2)?$/.test(name)) return next();
          const type = name.endsWith('.svg')
            ? 'image/svg+xml'
            : name.endsWith('.png')
              ? 'image/png'
              : name.endsWith('.csv')
                ? 'text/csv; charset=utf-8'
                : name.endsWith('.woff2')
                  ? 'font/woff2'
                  : 'application/json';
          serveCached(join(CHART_CACHE_DIR, name), type, res, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Every drawing still under way, awaited after placing what was drawn (a failed one stops the build there).
        const settled = settleAll();
        settled.catch(() => undefined);
        const out = fileURLToPath(dir);
        // Cache file → published path, for every chart file and social card a page or feed names.
        const wanted = new Map<string, string>();
        const scan = (d: string) => {
          for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory()) scan(p);
            else if (/\.(html|xml|json|txt)$/.test(e.name)) {
              const text = readFileSync(p, 'utf8');
              for (const a of chartAssetsIn(text)) wanted.set(join(CHART_CACHE_DIR, a), join(out, 'charts', a));
              for (const c of socialCardsIn(text)) wanted.set(cardCacheFile(c.hash), join(out, 'og', c.name));
            }
          }
        };
        scan(out);
        for (const sub of ['charts', 'og']) mkdirSync(join(out, sub), { recursive: true });
        // The last build's output, whose unchanged files are carried over instead of copied again.
        const previous = process.env.AIF_PREVIOUS_OUT;
        let linked = 0;
        // Each file as soon as it is written, while the pool still draws the rest.
        const placing = await placeAsWritten(wanted, (from, to) => {
          // Checked when the page named it (or written by this build): this only reads what nothing checked yet.
          if (!reuseCacheFile(from))
            throw new Error(
              `${basename(to)} is referenced but ${existsSync(from) ? 'failed verification' : 'missing'} in ${dirname(from)}; build again (it will be drawn afresh).`,
            );
          if (publishFile(from, to, previous && join(previous, relative(out, to))) === 'linked') linked++;
        });
        // Throws, naming every file that could not be drawn, when one could not.
        const start = performance.now();
        const drawn = await settled;
        // How long the end of the build waited for the pool: for files to place, then for any drawing left.
        buildStats().waitMs = placing.waitedMs + (performance.now() - start);
        if (drawn > 0) logger.info(`${drawn} images drawn`);
        const stats = buildStats();
        stats.rejected = rejectedFiles().map((f) => relative(CACHE_DIR, f));
        if (stats.rejected.length > 0)
          logger.warn(
            `${stats.rejected.length} cache entries failed verification and were drawn again: ${stats.rejected.join(', ')}`,
          );
        if (process.env.AIF_BUILD_STATS) writeFileSync(process.env.AIF_BUILD_STATS, JSON.stringify(stats));
        logger.info(`${wanted.size} chart files and social cards placed (${linked} unchanged from the last build)`);
      },
    },
  };
}
