/**
 * The layer rules, enforced with the real import reader (./imports.ts):
 * - src/lib/ never imports Astro's virtual modules, components, pages, the Astro-bound layer
 *   (src/astro/) or generated data (src/generated/);
 * - only src/lib/build/, fonts/, inputs/ and lint/ touch the disk, threads or processes
 *   (src/lib/README.md says why each may); everything else in src/lib/ is pure;
 * - only src/lib/email/send.ts, figures/remote.ts and lint/https-probe.ts make network requests;
 * - only src/lib/build/process-state.ts keeps state on globalThis;
 * - src/client/ (browser code) imports only src/lib/ and itself;
 * - no import circle anywhere in src/ or scripts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circles, importsIn, importsOf, root, sourceFiles, usesFetch } from './imports.ts';

const forbiddenInLib = [
  /^astro:/,
  /^src\/components\//,
  /^src\/pages\//,
  /^src\/layouts\//,
  /^src\/astro\//,
  /^src\/generated\//,
  /\.astro$/,
];

/** Folders of src/lib/ whose modules may read or write files, start threads or processes. */
export const IO_FOLDERS = ['build', 'fonts', 'inputs', 'lint'];
const ioModules =
  /^node:(fs|fs\/promises|worker_threads|child_process|net|http|https|module)$|^(fs|worker_threads|child_process)$/;

/** The modules that talk to other servers, each for the one command that asks it to; each takes `fetch` as a parameter. */
export const NETWORK_MODULES = ['src/lib/email/send.ts', 'src/lib/figures/remote.ts', 'src/lib/lint/https-probe.ts'];

const mayDoIo = (file: string) => IO_FOLDERS.some((f) => file.startsWith(`src/lib/${f}/`));
const astroImports = (imports: string[]) => imports.filter((i) => forbiddenInLib.some((re) => re.test(i)));
const ioImports = (file: string, imports: string[]) => (mayDoIo(file) ? [] : imports.filter((i) => ioModules.test(i)));

describe('layers', () => {
  const lib = sourceFiles('src/lib');

  it('finds the files it guards', () => {
    expect(lib.length).toBeGreaterThan(20);
    expect(lib.some((f) => f.startsWith('src/lib/build/'))).toBe(true);
  });

  it.each(lib)('%s stays free of Astro', (file) => {
    const bad = astroImports(importsOf(file));
    expect(bad, `${file} imports ${bad.join(', ')}; move that code to src/astro/ or pass the data in`).toEqual([]);
  });

  it.each(lib)('%s does I/O only in a folder that may', (file) => {
    const bad = ioImports(file, importsOf(file));
    expect(
      bad,
      `${file} imports ${bad.join(', ')}; only src/lib/{${IO_FOLDERS.join(',')}}/ may: move the reading or writing there and pass the data in`,
    ).toEqual([]);
  });

  it.each(lib.filter((f) => !NETWORK_MODULES.includes(f)))('%s makes no network request', (file) => {
    expect(
      usesFetch(file, readFileSync(join(root, file), 'utf8')),
      `${file} uses fetch; only ${NETWORK_MODULES.join(', ')} may (src/lib/README.md)`,
    ).toBe(false);
  });

  it.each(lib.filter((f) => f !== 'src/lib/build/process-state.ts'))('%s keeps no state on globalThis', (file) => {
    expect(
      readFileSync(join(root, file), 'utf8'),
      `${file}: use processState() from src/lib/build/process-state.ts`,
    ).not.toMatch(/\bglobalThis\b/);
  });

  it.each(sourceFiles('src/client'))('%s imports only browser-safe code', (file) => {
    const bad = importsOf(file).filter(
      (i) =>
        !(i.startsWith('src/lib/') || i.startsWith('src/client/') || !i.includes('/') || /^[@a-z]/.test(i)) ||
        /^node:|^astro/.test(i),
    );
    expect(bad, `${file} imports ${bad.join(', ')}`).toEqual([]);
  });

  it('has no import circle in src/ or scripts/ (type-only imports and import() included)', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('scripts')];
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(circles(graph)).toEqual([]);
  });

  it('catches each kind of violation (the guards can fail)', () => {
    const file = 'src/lib/figures/x.ts';
    const fake = [
      "import { x } from 'astro:content';",
      'import type {',
      '  Y,',
      "} from '../../astro/figures-registry.ts';",
      "const z = await import('../../components/mdx/Fig.astro');",
      "import { readFileSync } from 'node:fs';",
      "export { w } from 'node:worker_threads';",
    ].join('\n');
    const imports = importsIn(file, fake);
    expect(astroImports(imports)).toEqual([
      'astro:content',
      'src/astro/figures-registry.ts',
      'src/components/mdx/Fig.astro',
    ]);
    expect(ioImports(file, imports)).toEqual(['node:fs', 'node:worker_threads']);
    expect(ioImports('src/lib/build/x.ts', imports)).toEqual([]);
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c']]);
    expect(usesFetch(file, 'const r = await fetch(url);')).toBe(true);
    expect(usesFetch(file, 'export function get(f = fetch) { return f; }')).toBe(true);
    expect(usesFetch(file, 'interface O { fetch?: typeof fetch }\nconst o = { fetch: 1 };\no.fetch;')).toBe(false);
  });
});
