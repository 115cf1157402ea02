/**
 * Two builds of the same content give the same bytes: pages render eight at
 * a time (astro.config.mjs) and images are drawn in the background in any
 * order, and none of that may show in the output. The production test site's
 * build (tests/sites/sites.ts) is built again, by the same command in a copy
 * of its project that keeps its saved search index, and compared file by
 * file, so a host or CDN sees no change where nothing changed, and the
 * search index is reused (scripts/lib/search-cache.ts).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { copyProject, runScriptAsync } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('a rebuild', () => {
  it('writes byte-identical output to the build before it, and reuses the search index', async () => {
    const site = testSite('production');
    const build = site.builds.at(-1)!;
    const dir = copyProject(undefined, site.project);
    cpSync(join(site.project, '.cache', 'pagefind'), join(dir, '.cache', 'pagefind'), { recursive: true });
    const second = await runScriptAsync('scripts/build.ts', build.args, { cwd: dir, env: build.env });
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/search index .*reused/);
    const [a, b] = [site.dist, join(dir, 'dist')];
    const names = files(a);
    expect(names.length).toBeGreaterThan(50);
    expect(files(b)).toEqual(names);
    const differing = names.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differing).toEqual([]);
  });
});
