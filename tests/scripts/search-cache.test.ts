import { describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dropUnusedUi, pagesDigest, restoreIndex, saveIndex } from '../../scripts/lib/search-cache.ts';
import { forgetVerified, rejectedFiles } from '../../src/lib/build/verified-cache.ts';

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aif-search-'));
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('search index cache', () => {
  const pages = { 'index.html': '<h1>Home</h1>', 'articles/a/index.html': '<p>A</p>', 'feed.json': '{}' };

  it('digests the article pages Pagefind reads: any change to one, its path or the indexer version changes it; other pages and files do not', () => {
    const base = pagesDigest(site(pages), '1.6.0');
    expect(pagesDigest(site(pages), '1.6.0')).toBe(base);
    expect(
      pagesDigest(
        site({
          ...pages,
          'pagefind/pagefind-entry.json': '{"x":1}',
          'feed.json': '[]',
          'index.html': '<h1>New home</h1>',
          'tags/a/index.html': '<p>Tag</p>',
          'articles/a/extra.html': '<p>Not an article page</p>',
        }),
        '1.6.0',
      ),
    ).toBe(base);
    expect(pagesDigest(site({ ...pages, 'articles/a/index.html': '<p>A!</p>' }), '1.6.0')).not.toBe(base);
    expect(pagesDigest(site({ ...pages, 'articles/b/index.html': '<p>A</p>' }), '1.6.0')).not.toBe(base);
    expect(pagesDigest(site(pages), '1.7.0')).not.toBe(base);
  });

  it('gives back the index saved for the same pages, and keeps only the latest', () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'aif-search-cache-')), 'pagefind');
    mkdirSync(cache);
    const first = site({ ...pages, 'pagefind/pagefind-entry.json': '{"v":1}', 'pagefind/fragment/a.pf_fragment': 'A' });
    const digest = pagesDigest(first, '1.6.0');
    expect(restoreIndex(cache, digest, site(pages))).toBe(false);
    saveIndex(cache, digest, first);

    const again = site(pages);
    expect(restoreIndex(cache, digest, again)).toBe(true);
    expect(readFileSync(join(again, 'pagefind/pagefind-entry.json'), 'utf8')).toBe('{"v":1}');
    expect(readFileSync(join(again, 'pagefind/fragment/a.pf_fragment'), 'utf8')).toBe('A');

    const changed = site({
      ...pages,
      'articles/a/index.html': '<p>A, edited</p>',
      'pagefind/pagefind-entry.json': '{"v":2}',
    });
    saveIndex(cache, pagesDigest(changed, '1.6.0'), changed);
    expect(readdirSync(cache)).toEqual([pagesDigest(changed, '1.6.0')]);
    expect(existsSync(join(cache, digest))).toBe(false);
  });

  /** An index saved in a fresh cache folder, as an earlier build left it. */
  function saved(): { cache: string; digest: string; site: string } {
    const cache = join(mkdtempSync(join(tmpdir(), 'aif-search-cache-')), 'pagefind');
    mkdirSync(cache);
    const built = site({ ...pages, 'pagefind/pagefind.js': 'export {}', 'pagefind/fragment/a.pf_fragment': 'A' });
    const digest = pagesDigest(built, '1.6.0');
    saveIndex(cache, digest, built);
    forgetVerified();
    return { cache, digest, site: built };
  }

  it('never shares a file between the cache and the site: a write to one leaves the other as it was', () => {
    const { cache, digest, site: built } = saved();
    const cached = join(cache, digest, 'pagefind.js');
    expect(statSync(cached).ino).not.toBe(statSync(join(built, 'pagefind/pagefind.js')).ino);
    const again = site(pages);
    expect(restoreIndex(cache, digest, again)).toBe(true);
    writeFileSync(cached, 'garbage!!');
    expect(readFileSync(join(again, 'pagefind/pagefind.js'), 'utf8')).toBe('export {}');
  });

  const spoil: Array<[string, (entry: string) => void]> = [
    ['a truncated file', (e) => writeFileSync(join(e, 'pagefind.js'), 'exp')],
    ['an empty file', (e) => writeFileSync(join(e, 'fragment/a.pf_fragment'), '')],
    ['a file changed in place', (e) => writeFileSync(join(e, 'pagefind.js'), 'EXPORT {}')],
    ['a missing file', (e) => rmSync(join(e, 'fragment/a.pf_fragment'))],
    ['a file the log does not know', (e) => writeFileSync(join(e, 'extra.js'), 'x')],
  ];
  for (const [what, damage] of spoil) {
    it(`drops the whole entry for ${what}, and Pagefind runs instead`, () => {
      const { cache, digest } = saved();
      damage(join(cache, digest));
      const again = site(pages);
      expect(restoreIndex(cache, digest, again)).toBe(false);
      expect(existsSync(join(cache, digest))).toBe(false);
      expect(existsSync(join(again, 'pagefind'))).toBe(false);
    });
  }

  it('reports the files that differed from the log', () => {
    const { cache, digest } = saved();
    writeFileSync(join(cache, digest, 'pagefind.js'), '');
    restoreIndex(cache, digest, site(pages));
    expect(rejectedFiles()).toEqual([join(cache, digest, 'pagefind.js')]);
  });

  it("carries the last build's unchanged index files over instead of copying them", () => {
    const { cache, digest, site: previous } = saved();
    const again = site(pages);
    expect(restoreIndex(cache, digest, again, previous)).toBe(true);
    expect(statSync(join(again, 'pagefind/pagefind.js')).ino).toBe(
      statSync(join(previous, 'pagefind/pagefind.js')).ino,
    );
    // One edited in the last output is copied from the cache instead.
    const third = site(pages);
    writeFileSync(join(again, 'pagefind/pagefind.js'), 'export {};');
    forgetVerified();
    expect(restoreIndex(cache, digest, third, again)).toBe(true);
    expect(readFileSync(join(third, 'pagefind/pagefind.js'), 'utf8')).toBe('export {}');
  });

  it("removes Pagefind's ready-made interfaces and keeps what the search page loads", () => {
    const keep = [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'wasm.en.pagefind',
      'index/en_1.pf_index',
    ];
    const ui = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css'];
    const ui2 = ['pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];
    const dir = site(Object.fromEntries([...keep, ...ui, ...ui2].map((f) => [`pagefind/${f}`, 'x'])));
    expect(dropUnusedUi(dir).sort()).toEqual([...ui, ...ui2].sort());
    for (const f of keep) expect(existsSync(join(dir, 'pagefind', f)), f).toBe(true);
    for (const f of [...ui, ...ui2]) expect(existsSync(join(dir, 'pagefind', f)), f).toBe(false);
  });
});
