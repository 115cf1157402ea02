/**
 * Two builds of the same content give the same bytes: pages render eight at
 * a time (astro.config.mjs) and images are drawn in the background in any
 * order, and none of that may show in the output. A cold build and the warm
 * one after it are compared file by file, so a host or CDN sees no change
 * where nothing changed, and the search index is reused (scripts/lib/search-cache.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('a rebuild', () => {
  it('writes byte-identical output to the build before it, and reuses the search index', () => {
    const dir = copyProject();
    const env = { BUILD_DATE: '2026-11-24T12:00:00Z' };
    const build = (out: string) =>
      runScript('scripts/build.ts', ['--offline', '--out', join(dir, out)], { cwd: dir, env });
    const first = build('dist-a');
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const second = build('dist-b');
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/search index .*reused/);
    const [a, b] = [join(dir, 'dist-a'), join(dir, 'dist-b')];
    const names = files(a);
    expect(names.length).toBeGreaterThan(50);
    expect(files(b)).toEqual(names);
    const differing = names.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differing).toEqual([]);
  });
});
