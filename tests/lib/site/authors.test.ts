import { describe, expect, it } from 'vitest';
import { authorPath, parseAuthors } from '../../../src/lib/site/authors.ts';

describe('authors file', () => {
  it('maps names to bios with a page per name', () => {
    expect(parseAuthors('Ada Lovelace:\n  bio: Wrote the first program.\n  role: Contributor\n')).toEqual([
      { id: 'ada-lovelace', name: 'Ada Lovelace', bio: 'Wrote the first program.', role: 'Contributor' },
    ]);
    expect(authorPath('AI Frontier desk')).toBe('/authors/ai-frontier-desk/');
  });

  it('names the author and the fix when something is wrong', () => {
    expect(() => parseAuthors('Ada:\n  role: x\n')).toThrow(/content\/authors\.yaml: "Ada" has no bio\n {2}Fix: /);
    expect(() => parseAuthors('- Ada\n')).toThrow(/expected a map of author names/);
    expect(() => parseAuthors('Jane Doe:\n  bio: a\nJane  Doe:\n  bio: b\n')).toThrow(
      /would share the page \/authors\/jane-doe\//,
    );
  });
});

describe('author pages in the link check', () => {
  it('are paths the site publishes, so articles may link them', async () => {
    const { sitePaths } = await import('../../../src/lib/hosting/site-paths.ts');
    const { paths, unknownRoutes } = sitePaths(['authors/index.astro', 'authors/[author].astro'], {
      articles: [],
      pageSize: 10,
      outcomes: [],
      authors: ['AI Frontier desk'],
    });
    expect(unknownRoutes).toEqual([]);
    expect([...paths].filter((p) => p.startsWith('/authors/')).sort()).toEqual([
      '/authors/',
      '/authors/ai-frontier-desk/',
    ]);
  });
});
