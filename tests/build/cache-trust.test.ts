/**
 * The build trusts nothing it finds in its cache, a killed build leaves nothing behind, and a rebuild
 * changes no byte where nothing changed.
 *
 * The production test site (tests/sites/sites.ts) is the clean build: its output, and its cache copied
 * into a cache of this copy's own (AIF_CACHE_DIR). That cache is damaged the ways disks, kills and
 * people damage files (truncated, garbage, zero bytes, one byte changed in place) in every kind of
 * entry: a chart SVG, a feed PNG, a chart's JSON and web-font subset, a social card, Astro's own font
 * cache and the saved search index. The next build, by the same command in a copy of the project, must
 * publish exactly the clean build's bytes (pages render eight at a time and images are drawn in the
 * background in any order, and none of that may show) and name each damaged entry in its summary.
 * Then a build is killed with SIGKILL while Astro runs: its steps stop, and the next build (into the
 * folder the build before it wrote) removes what it left, finds its cache sound, reuses the search
 * index, shares no file with the cache and again publishes the clean bytes, so a host or CDN sees no
 * change where nothing changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';
import { distFiles } from '../helpers/dist-files.ts';
import { testSite, type BuildRecord } from '../sites/sites.ts';
import { processIsAlive } from '../../scripts/lib/leftovers.ts';
import { cardCacheFile, socialCardsIn } from '../../src/lib/social/card-files.ts';

/** The production site's last build (its command, its output): the clean build. */
let recipe: BuildRecord;
let clean: string;
/**
 * Cache entries the clean build published, by name: a chart file keeps its name in charts/; a social card's
 * cache name comes from the hash in its published one (src/lib/social/card-files.ts).
 */
let published: Set<string>;
let project: string;
let cache: string;
const env = () => ({ ...recipe.env, AIF_CACHE_DIR: cache });
const args = (out: string) => [...recipe.args, '--out', join(project, out)];
const build = (out: string) => runScript('scripts/build.ts', args(out), { cwd: project, env: env() });
/** Entries in a cache folder that `test` picks and, unless told otherwise, the clean build published (the chart and card caches are shared with other builds). */
const inCache = (sub: string, test: (name: string) => boolean, usedOnly = true) =>
  readdirSync(join(cache, sub))
    .filter((f) => !f.startsWith('.') && test(f) && (!usedOnly || published.has(`${sub}/${f}`)))
    .map((f) => join(cache, sub, f));

beforeAll(() => {
  const site = testSite('production');
  recipe = site.builds.at(-1)!;
  clean = site.dist;
  const files = distFiles(clean);
  published = new Set([
    ...files.filter((f) => f.startsWith('charts/')),
    ...socialCardsIn(files.map((f) => `/${f}`).join('\n')).map(({ hash }) => cardCacheFile(hash, 'og')),
  ]);
  project = copyProject(undefined, site.project);
  cache = join(project, 'own-cache');
  // The clean build's cache, as its build left it: the drawings and cards it shares with the other
  // sites' builds, and its own copy of Astro's fonts and of the search index.
  for (const kind of ['charts', 'og', 'astro', 'pagefind'])
    cpSync(join(site.project, '.cache', kind), join(cache, kind), { recursive: true, dereference: true });
});

function sameSite(a: string, b: string): string[] {
  const names = distFiles(a);
  expect(distFiles(b)).toEqual(names);
  return names.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

describe('a damaged build cache', () => {
  it('never reaches the output: the next build publishes the clean bytes and names every damaged entry', () => {
    const svg = inCache('charts', (f) => f.endsWith('.svg'))[0]!;
    const png = inCache('charts', (f) => f.endsWith('-light.png'))[0]!;
    const json = inCache('charts', (f) => f.endsWith('.json'))[0]!;
    const woff2 = inCache('charts', (f) => f.endsWith('.woff2'))[0]!;
    const card = inCache('og', (f) => f.endsWith('.png'))[0]!;
    const astroFont = inCache(join('astro', 'fonts'), (f) => f.endsWith('.woff2'), false)[0]!;
    const [index] = readdirSync(join(cache, 'pagefind'));
    const searchScript = join(cache, 'pagefind', index!, 'pagefind.js');
    const fragment = inCache(join('pagefind', index!, 'fragment'), () => true, false)[0]!;

    truncateSync(svg, 100);
    writeFileSync(png, Buffer.alloc(4000, 0x5a));
    const edit = (file: string) => {
      const bytes = readFileSync(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      writeFileSync(file, bytes, { flag: 'r+' });
    };
    edit(json);
    edit(woff2);
    writeFileSync(card, '');
    truncateSync(astroFont, 10);
    writeFileSync(searchScript, '');
    edit(fragment);
    const damaged = [svg, png, json, woff2, card, astroFont, searchScript, fragment].map((f) => relative(cache, f));

    const again = build('again');
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(sameSite(clean, join(project, 'again'))).toEqual([]);
    const summary = /⚠ (\d+) cache entries failed verification and were made again[^:]*: (.+)/.exec(again.stdout);
    expect(summary, again.stdout).not.toBeNull();
    expect(summary![2]!.split(', ').sort()).toEqual([...damaged].sort());
    expect(Number(summary![1])).toBe(damaged.length);
  });
});

/** The build after the killed one: into `again`, which holds the output of the build before (a repair build). */
let next: ReturnType<typeof build> | undefined;

describe('a build killed with SIGKILL', () => {
  it('takes its steps with it, and the next build removes its staging folder and previous output', async () => {
    // Left by another killed build, in the final swap: its process is long gone.
    mkdirSync(join(project, 'again.previous-2147483646', 'charts'), { recursive: true });
    const child = spawn(process.execPath, [join(project, 'scripts', 'build.ts'), ...args('again')], {
      cwd: project,
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const staging = join(project, `.again-staging-${child.pid}`);
    // Wait until Astro is building (its staging folder has pages), then kill the build alone.
    const steps = () =>
      readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
          try {
            return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(child.pid);
          } catch {
            return false;
          }
        })
        .map(Number);
    let running: number[] = [];
    for (const end = Date.now() + 120_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      running = steps();
      if (
        existsSync(join(staging, 'index.html')) ||
        (running.length > 0 && existsSync(staging) && readdirSync(staging).length > 3)
      )
        break;
    }
    expect(running.length, 'steps running when the build is killed').toBeGreaterThan(0);
    child.kill('SIGKILL');
    const gone = async () => {
      for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
        if (running.every((p) => !processIsAlive(p))) return true;
      return false;
    };
    expect(await gone(), `steps still running: ${running.filter(processIsAlive).join(', ')}`).toBe(true);
    expect(existsSync(staging)).toBe(true);

    next = build('again');
    expect(next.status, next.stdout + next.stderr).toBe(0);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(join(project, 'again.previous-2147483646'))).toBe(false);
    expect(next.stdout).toContain(`Removed .again-staging-${child.pid}, left by a build that was stopped.`);
    expect(readdirSync(project).filter((f) => /staging|previous/.test(f))).toEqual([]);
  });
});

describe('a rebuild with nothing changed', () => {
  it('finds its cache sound and reuses the search index', () => {
    expect(next, 'the build after the killed one ran').toBeDefined();
    expect(next!.stdout).not.toMatch(/failed verification/);
    expect(next!.stdout).toMatch(/search index .*reused/);
  });

  it('writes byte-identical output to the clean build, and shares no file with its cache', () => {
    expect(next, 'the build after the killed one ran').toBeDefined();
    const out = join(project, 'again');
    expect(distFiles(out).length).toBeGreaterThan(50);
    expect(sameSite(clean, out)).toEqual([]);
    // No hard link from the output into the cache, so …
    const cacheInodes = new Set(
      readdirSync(cache, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => statSync(join(e.parentPath, e.name)).ino),
    );
    const shared = distFiles(out).filter((f) => cacheInodes.has(statSync(join(out, f)).ino));
    expect(shared).toEqual([]);
    // … garbage written into every cache file changes nothing published.
    for (const f of inCache('charts', () => true, false)) writeFileSync(f, 'garbage', { flag: 'r+' });
    expect(sameSite(clean, out)).toEqual([]);
  });
});
