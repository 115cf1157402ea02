/**
 * The build trusts nothing it finds in its cache, and a killed build leaves nothing behind.
 *
 * One throw-away project with a cache of its own (AIF_CACHE_DIR) is built clean; then its cache is
 * damaged the ways disks, kills and people damage files (truncated, garbage, zero bytes, one byte
 * changed in place) in every kind of entry: a chart SVG, a feed PNG, a chart's JSON and web-font
 * subset, a social card, Astro's own font cache and the saved search index. The next build must
 * publish exactly the clean build's bytes and name each damaged entry in its summary. Then a build is
 * killed with SIGKILL while Astro runs: its steps stop, and the next build (into the folder the build
 * before it wrote) removes what it left, finds its cache sound and shares no file with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';
import { distFiles } from '../helpers/dist-files.ts';
import { processIsAlive } from '../../scripts/lib/leftovers.ts';

let project: string;
let cache: string;
const env = () => ({ BUILD_DATE: '2026-11-24T12:00:00Z', AIF_CACHE_DIR: cache });
const build = (out: string) =>
  runScript('scripts/build.ts', ['--offline', '--out', join(project, out)], { cwd: project, env: env() });
const inCache = (sub: string, test: (name: string) => boolean) =>
  readdirSync(join(cache, sub))
    .filter((f) => !f.startsWith('.') && test(f))
    .map((f) => join(cache, sub, f));

beforeAll(() => {
  project = copyProject();
  cache = join(project, 'own-cache');
  const clean = build('clean');
  expect(clean.status, clean.stdout + clean.stderr).toBe(0);
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
    const astroFont = inCache(join('astro', 'fonts'), (f) => f.endsWith('.woff2'))[0]!;
    const [index] = readdirSync(join(cache, 'pagefind'));
    const searchScript = join(cache, 'pagefind', index!, 'pagefind.js');
    const fragment = inCache(join('pagefind', index!, 'fragment'), () => true)[0]!;

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
    expect(sameSite(join(project, 'clean'), join(project, 'again'))).toEqual([]);
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
    const child = spawn(
      process.execPath,
      [join(project, 'scripts', 'build.ts'), '--offline', '--out', join(project, 'again')],
      {
        cwd: project,
        env: { ...process.env, ...env() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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

describe('the cache and the output', () => {
  it('share no file, on a build after a build into the same folder too', () => {
    expect(next, 'the build after the killed one ran').toBeDefined();
    expect(next!.stdout).not.toMatch(/failed verification/);
    const cacheInodes = new Set(
      readdirSync(cache, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => statSync(join(e.parentPath, e.name)).ino),
    );
    const out = join(project, 'again');
    const shared = distFiles(out).filter((f) => cacheInodes.has(statSync(join(out, f)).ino));
    expect(shared).toEqual([]);
    // And so garbage written into every cache file changes nothing published.
    for (const f of inCache('charts', () => true)) writeFileSync(f, 'garbage', { flag: 'r+' });
    expect(sameSite(join(project, 'clean'), out)).toEqual([]);
  });
});
