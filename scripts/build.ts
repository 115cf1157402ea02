/**
 * `npm run build`: build the site into a staging folder and swap it into
 * `dist/` only when every step succeeded, so a failed build leaves the
 * previous `dist/` exactly as it was. Shows its progress (a live line on a
 * terminal, one line per step elsewhere) and ends with each step's time, the
 * image cache hits and any cache entry that failed verification (and was made
 * again). Its steps get no credentials from the environment
 * (build-env.ts: withoutSecrets) and stop when it stops (lib/reaper.ts); what
 * a killed build left beside the output is removed first (lib/leftovers.ts).
 *
 * Usage: node scripts/build.ts [--out DIR] [--offline] [--allow-placeholder-url] [--allow-large-edition]
 * (--allow-placeholder-url for local previews and tests: src/lib/hosting/site-address.ts)
 *
 * Newsletter editions are checked against Gmail's clipping limit (a warning past 90 KB, a stop past
 * 102 KB unless --allow-large-edition or ALLOW_LARGE_EDITION=1) and kept in the output only when
 * EMAIL_EDITIONS asks for them (`npm run email`, `npm run send`): a deployed site publishes none.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutStackTraces } from '../src/lib/errors.ts';
import type { BuildStats } from '../src/lib/build/build-stats.ts';
import { withoutSecrets } from '../src/lib/build/build-env.ts';
import { checkFontCache, recordFontCache } from '../src/lib/build/astro-font-cache.ts';
import { rejectedFiles } from '../src/lib/build/verified-cache.ts';
import {
  cacheDetail,
  formatSeconds,
  pagesInLine,
  isWarningLine,
  pagesDetail,
  stripAnsi,
} from './lib/progress-format.ts';
import { Progress, type StepOptions } from './lib/progress.ts';
import { dropUnusedUi, pagesDigest, restoreIndex, saveIndex, SEARCH_GLOB } from './lib/search-cache.ts';
import { CACHE_DIR } from '../src/lib/build/cache-dir.ts';
import { Reaper } from './lib/reaper.ts';
import { leftoversOf } from './lib/leftovers.ts';
import { readArgs } from './lib/args.ts';
import { EDITIONS_DIR, oversizeEditions } from './lib/editions.ts';
import { site } from '../src/site.config.ts';
import { ALLOW_PLACEHOLDER_ENV, placeholderAllowed, publishingProblem } from '../src/lib/hosting/site-address.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Every step, and the cache folder (src/lib/build/cache-dir.ts), works from the project root.
process.chdir(root);
const { values: args } = readArgs({
  command: 'npm run build --',
  options: {
    out: { type: 'string', value: 'DIR', default: 'dist', help: 'where the site goes' },
    offline: { type: 'boolean', help: 'use the last pulled copy of remote figure sources' },
    'allow-placeholder-url': {
      type: 'boolean',
      help: 'build with the placeholder site address, for a local look (never for publishing)',
    },
    'allow-large-edition': {
      type: 'boolean',
      help: "go on when a newsletter edition passes Gmail's 102 KB clipping limit (or ALLOW_LARGE_EDITION=1)",
    },
  },
});
// The site's address and contact first: a build for publishing with the placeholder address, or with a contact
// readers cannot use, stops here with the fix, before any step runs or the output is touched.
const allowPlaceholder = args['allow-placeholder-url'] === true ? { [ALLOW_PLACEHOLDER_ENV]: '1' } : {};
const settings = publishingProblem(site, placeholderAllowed({ ...process.env, ...allowPlaceholder }));
if (settings) {
  console.error(`✗ ${settings}`);
  process.exit(1);
}
const outDir = resolve(root, args.out);
// Staging sits beside the output so the final rename stays on one file system.
const staging = join(dirname(outDir), `.${basename(outDir)}-staging-${process.pid}`);
const statsFile = `${staging}.stats.json`;

// Vite reads these from the environment; a stray DEV=1 (test runners set it) would publish drafts.
const { DEV: _dev, PROD: _prod, MODE: _mode, SSR: _ssr, BASE_URL: _base, ...viteFree } = process.env;
const cleanEnv = withoutSecrets(viteFree);

const progress = new Progress();
const reaper = new Reaper();

async function step(
  name: string,
  command: string,
  commandArgs: string[],
  opts: Partial<StepOptions> & { env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const result = await progress.run(name, command, commandArgs, {
    ...opts,
    cwd: root,
    env: { ...cleanEnv, ...opts.env },
    reaper,
  });
  if (result.status !== 0) fail(name, result.stdout, opts.watch !== undefined);
  return result.stdout;
}

function fail(name: string, stdout: string, watched: boolean): never {
  // Astro's log was read for progress, not shown: show its end, where the error is.
  if (watched) process.stderr.write(withoutStackTraces(stripAnsi(stdout.split('\n').slice(-40).join('\n'))) + '\n');
  rmSync(staging, { recursive: true, force: true });
  rmSync(statsFile, { force: true });
  console.error(`\n✗ ${name} failed; ${outDir.replace(root + '/', '')}/ was left as it was.`);
  process.exit(1);
}

for (const left of leftoversOf(outDir)) {
  rmSync(left, { recursive: true, force: true });
  progress.say(`Removed ${left.replace(root + '/', '')}, left by a build that was stopped.`);
}
rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(staging), { recursive: true });
// Astro's own font cache, checked before Astro reads it (src/lib/build/astro-font-cache.ts; Astro names it fonts/).
const astroFonts = join(CACHE_DIR, 'astro', 'fonts');
const rejected = checkFontCache(astroFonts).map((f) => f.replace(CACHE_DIR + '/', ''));

const node = process.execPath;
await step('figures', node, [
  join(root, 'scripts', 'pull-figures.ts'),
  '--summary',
  ...(args.offline === true ? ['--offline'] : []),
]);
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
let pages = 0;
let phase = 'starting';
// The content check runs beside astro build (which has idle time on every core while it bundles and
// writes): a failed check stops the build and reports, since its messages name file, line and fix.
const stop = new AbortController();
const checking = progress
  .run('content check', node, [join(root, 'scripts', 'check.ts'), '--content-only'], {
    cwd: root,
    env: cleanEnv,
    quiet: true,
    reaper,
  })
  .then((result) => {
    if (result.status !== 0) stop.abort();
    return result;
  });
const building = progress.run('astro build', node, [astro, 'build'], {
  cwd: root,
  env: {
    ...cleanEnv,
    ASTRO_OUT_DIR: staging,
    NODE_ENV: 'production',
    AIF_BUILD_STATS: statsFile,
    // Unchanged images are carried over from the current output instead of copied from the cache again.
    ...(existsSync(outDir) ? { AIF_PREVIOUS_OUT: outDir } : {}),
    ...allowPlaceholder,
  },
  signal: stop.signal,
  reaper,
  watch: (line, ms) => {
    const written = pagesInLine(line);
    if (written) return pagesDetail((pages += written), ms);
    const m = /\[(?:build|vite|content|types)\] (.+)$/.exec(stripAnsi(line));
    if (m && pages === 0) phase = m[1]!.slice(0, 50);
    return pages > 0 ? undefined : phase;
  },
  echo: isWarningLine,
});
const [checked, built] = await Promise.all([checking, building]);
if (checked.status !== 0) fail('content check', checked.stdout, false);
if (built.status !== 0) fail('astro build', built.stdout, true);
if (existsSync(statsFile)) {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats;
  const wait = stats.waitMs >= 100 ? `; waited ${formatSeconds(stats.waitMs)} for drawing after the last page` : '';
  progress.setDetail(
    `${pages} pages; ${cacheDetail('charts', stats.charts)}; ${cacheDetail('social cards', stats.cards)}${wait}`,
  );
  rejected.push(...stats.rejected);
  rmSync(statsFile, { force: true });
}
recordFontCache(astroFonts);
// Newsletter editions: warn before Gmail would clip one, stop past its limit unless allowed.
const editions = join(staging, EDITIONS_DIR);
const allowLarge = args['allow-large-edition'] === true || process.env.ALLOW_LARGE_EDITION === '1';
for (const e of oversizeEditions(editions)) {
  const stop = e.verdict === 'stop' && !allowLarge;
  console.error(`${stop ? '✗' : '⚠'} ${e.message}`);
  if (stop) fail('newsletter size check', '', false);
}
// Only `npm run email` and `npm run send` (which set EMAIL_EDITIONS) keep them: nothing publishes an edition.
if (!process.env.EMAIL_EDITIONS) rmSync(editions, { recursive: true, force: true });
// Search index over the article pages (only elements marked data-pagefind-body are indexed), reused from
// the cache when no page changed since the last indexed build (scripts/lib/search-cache.ts).
const pagefind = join(root, 'node_modules', 'pagefind');
const searchCache = join(CACHE_DIR, 'pagefind');
const searchStart = performance.now();
const digest = pagesDigest(
  staging,
  (JSON.parse(readFileSync(join(pagefind, 'package.json'), 'utf8')) as { version: string }).version,
);
const restored = restoreIndex(searchCache, digest, staging, existsSync(outDir) ? outDir : undefined);
rejected.push(...rejectedFiles().map((f) => f.replace(CACHE_DIR + '/', '')));
if (restored) {
  const ms = performance.now() - searchStart;
  progress.say(`✓ search index ${formatSeconds(ms)} · reused: no page changed since it was made`);
  progress.steps.push({ name: 'search index', ms, detail: 'reused (no page changed)' });
} else {
  let indexed = '';
  await step(
    'search index',
    node,
    [join(pagefind, 'lib', 'runner', 'bin.cjs'), '--site', staging, '--glob', SEARCH_GLOB],
    {
      watch: (line) => {
        const m = /Indexed (\d+) pages?/.exec(line);
        if (m) indexed = `${m[1]} pages indexed`;
        return indexed || undefined;
      },
      echo: (line) => /error|warn/i.test(line),
    },
  );
  dropUnusedUi(staging);
  saveIndex(searchCache, digest, staging);
}

// Swap: the old output moves aside first, so a crash between renames loses nothing.
const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
progress.summary(`✓ Built into ${outDir.replace(root + '/', '')}/`);
if (rejected.length > 0)
  console.log(
    `⚠ ${rejected.length} cache ${rejected.length === 1 ? 'entry' : 'entries'} failed verification and ${rejected.length === 1 ? 'was' : 'were'} made again (nothing of them was published): ${rejected.join(', ')}`,
  );
