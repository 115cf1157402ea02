/**
 * Pagefind has no incremental mode: it reads every article page again on every build
 * (10 s at 4,000 articles). Its index depends only on those pages' HTML
 * and Pagefind's version, so a build whose pages are byte-identical to the
 * last indexed one (the scheduled daily rebuild on a day with nothing new)
 * takes that index from the cache (`.cache/pagefind/<digest>/`) instead of
 * running Pagefind. Only the latest index is kept. Every file of it is
 * checked against the cache's log (src/lib/build/verified-cache.ts) before
 * use: one that fails, or one missing, drops the whole entry and Pagefind
 * runs. The cache and the site never share a file (publish-file.ts).
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, matchesGlob, relative } from 'node:path';
import { publishFile } from '../../src/lib/build/publish-file.ts';
import { DIGEST_LOG, loggedFiles, recordFile, reuseCacheFile } from '../../src/lib/build/verified-cache.ts';

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

/** Whether every file the entry's logs name is there and as logged; a failing file is deleted (and reported as rejected when it was corrupt). */
function entryIsWhole(entry: string): boolean {
  const list = files(entry, (p) => basename(p) !== DIGEST_LOG);
  if (list.length === 0) return false;
  const checked = list.map((f) => reuseCacheFile(f));
  if (checked.includes(false)) return false;
  // Every file a log names must be there: a deleted fragment would leave searches that fail.
  const logs = files(entry, (p) => basename(p) === DIGEST_LOG);
  return logs.flatMap((log) => loggedFiles(dirname(log))).every((f) => existsSync(f));
}

/**
 * Put the cached index for `digest` into `site`, each file checked first; false when there is none
 * or any file of it fails (the entry is then deleted, and the caller runs Pagefind). `previousSite` is
 * the last build's output, whose unchanged index files are carried over instead of copied.
 */
export function restoreIndex(cacheDir: string, digest: string, site: string, previousSite?: string): boolean {
  const from = join(cacheDir, digest);
  if (!existsSync(from)) return false;
  if (!entryIsWhole(from)) {
    rmSync(from, { recursive: true, force: true });
    return false;
  }
  for (const file of files(from, (p) => basename(p) !== DIGEST_LOG)) {
    const to = join(site, INDEX, relative(from, file));
    mkdirSync(dirname(to), { recursive: true });
    publishFile(file, to, previousSite && join(previousSite, INDEX, relative(from, file)));
  }
  return true;
}

/** Keep a copy of the index Pagefind just wrote into `site` as the cache's only entry, under `digest` (moved in by one rename), each file logged. */
export function saveIndex(cacheDir: string, digest: string, site: string): void {
  const tmp = join(cacheDir, `.${digest}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  const from = join(site, INDEX);
  for (const file of files(from, () => true)) {
    const to = join(tmp, relative(from, file));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to, constants.COPYFILE_FICLONE);
    recordFile(to, readFileSync(to));
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
