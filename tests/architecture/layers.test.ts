/**
 * The layer rule, enforced: src/lib/ is pure logic. It never imports Astro's virtual modules,
 * components, pages, the Astro-bound layer (src/astro/) or generated data (src/generated/);
 * src/client/ (browser code) imports only src/lib/ and itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|astro)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every import specifier in a file, resolved to a repository path when it is relative. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : s));
}

const forbiddenInLib = [
  /^astro:/,
  /^src\/components\//,
  /^src\/pages\//,
  /^src\/layouts\//,
  /^src\/astro\//,
  /^src\/generated\//,
  /\.astro$/,
];

describe('layers', () => {
  it('finds the files it guards', () => {
    expect(sourceFiles('src/lib').length).toBeGreaterThan(20);
  });

  it.each(sourceFiles('src/lib'))('%s stays pure', (file) => {
    const bad = importsOf(file).filter((i) => forbiddenInLib.some((re) => re.test(i)));
    expect(bad, `${file} imports ${bad.join(', ')}; move that code to src/astro/ or pass the data in`).toEqual([]);
  });

  it.each(sourceFiles('src/client'))('%s imports only browser-safe code', (file) => {
    const bad = importsOf(file).filter(
      (i) =>
        !(i.startsWith('src/lib/') || i.startsWith('src/client/') || !i.includes('/') || /^[@a-z]/.test(i)) ||
        /^node:|^astro/.test(i),
    );
    expect(bad, `${file} imports ${bad.join(', ')}`).toEqual([]);
  });

  it('catches a violation (the guard can fail)', () => {
    const fake = "import { x } from 'astro:content';\nimport y from '../../astro/figures-registry.ts';";
    const specs = [...fake.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    const resolved = specs.map((s) => (s.startsWith('.') ? relative(root, resolve(root, 'src/lib/figures', s)) : s));
    expect(resolved.filter((i) => forbiddenInLib.some((re) => re.test(i)))).toHaveLength(2);
  });
});
