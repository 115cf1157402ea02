/**
 * Pagefind has no incremental mode: it reads every article page again on every build
 * (10 s at 4,000 articles). Its index depends only on those pages' HTML
 * and Pagefind's version, so a build whose pages are byte-identical to the
 * last indexed one (the scheduled daily rebuild on a day with nothing new)
 * takes that index from the cache (`.cache/pagefind/<digest>/`, hard links)
 * instead of running Pagefind. Only the latest index is kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { linkOrCopy } from '../../src/lib/build/link-or-copy.ts';

const INDEX = 'pagefind';

/**
 * The pages Pagefind reads: article pages, the only ones with a `data-pagefind-body`
 * (src/pages/articles/[slug].astro). Without the glob it would read and skip every tag,
 * archive and home page too. The same glob picks the pages the digest covers.
 */
export const SEARCH_GLOB = 'articles/*/index.html';

/** Every file under `dir` (Node's recursive listing) that `keep` accepts. */
function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(keep);
}

/** A hash of the path and HTML of every page Pagefind reads under `site` (SEARCH_GLOB) and the indexer's version. */
export function pagesDigest(site: string, version: string): string {
  const hash = createHash('sha256').update(version);
  const pages = files(site, (p) => matchesGlob(relative(site, p), SEARCH_GLOB)).sort();
  for (const page of pages) hash.update(`\0${relative(site, page)}\0`).update(readFileSync(page));
  return hash.digest('hex').slice(0, 32);
}

/** Link the cached index for `digest` into `site`; false when there is none. */
export function restoreIndex(cacheDir: string, digest: string, site: string): boolean {
  const from = join(cacheDir, digest);
  if (!existsSync(from)) return false;
  for (const file of files(from, () => true)) {
    const to = join(site, INDEX, relative(from, file));
    mkdirSync(dirname(to), { recursive: true });
    linkOrCopy(file, to);
  }
  return true;
}

/** Keep the index Pagefind just wrote into `site` as the cache's only entry, under `digest` (moved in by one rename). */
export function saveIndex(cacheDir: string, digest: string, site: string): void {
  const tmp = join(cacheDir, `.${digest}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  const from = join(site, INDEX);
  for (const file of files(from, () => true)) {
    const to = join(tmp, relative(from, file));
    mkdirSync(dirname(to), { recursive: true });
    linkOrCopy(file, to);
  }
  for (const old of readdirSync(cacheDir))
    if (old !== digest && join(cacheDir, old) !== tmp) rmSync(join(cacheDir, old), { recursive: true, force: true });
  rmSync(join(cacheDir, digest), { recursive: true, force: true });
  renameSync(tmp, join(cacheDir, digest));
}

/**
 * Pagefind's ready-made search interfaces (default, modular and web-component UIs, and the
 * highlighter), 430 KB that it writes into every index: the search page has its own
 * (src/client/search.ts), which loads only pagefind.js, its worker, the WebAssembly and the index.
 */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Remove the interfaces nothing loads from the index Pagefind wrote into `site`; returns their names. */
export function dropUnusedUi(site: string): string[] {
  const dir = join(site, INDEX);
  const unused = readdirSync(dir).filter((f) => UNUSED_UI.test(f));
  for (const f of unused) rmSync(join(dir, f));
  return unused;
}
