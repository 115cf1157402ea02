import { describe, expect, it } from 'vitest';
import { authorPath, parseAuthors } from '../../../src/lib/site/authors.ts';

describe('authors file', () => {
  it('maps names to bios with a page per name', () => {
    expect(parseAuthors('Ada Lovelace:\n  bio: Wrote the first program.\n  role: Contributor\n')).toEqual([
      { id: 'ada-lovelace', name: 'Ada Lovelace', bio: 'Wrote the first program.', role: 'Contributor' },
    ]);
    expect(authorPath('AI Frontier desk')).toBe('/authors/ai-frontier-desk/');
  });

  it('names the file, the line, the author and the fix when something is wrong', () => {
    expect(() => parseAuthors('Bo:\n  bio: b\nAda:\n  role: x\n')).toThrow(
      /^content\/authors\.yaml:4: "Ada" has no bio\.\n {2}Fix: /,
    );
    expect(() => parseAuthors('- Ada\n')).toThrow(/^content\/authors\.yaml:1: Expected a map of author names/);
    expect(() => parseAuthors('Jane Doe:\n  bio: a\nJane  Doe:\n  bio: b\n')).toThrow(
      /would share the page \/authors\/jane-doe\//,
    );
    expect(() => parseAuthors(`${'A'.repeat(200)}:\n  bio: b\n`)).toThrow(
      /^content\/authors\.yaml:2: An author's name is 200 characters long; a byline has at most 80\./,
    );
  });

  it('refuses a billion-laughs file and stray bytes with the line and the fix, never a stack alone', () => {
    const laughs = ['Ada:', '  bio: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `  r${i}: &${'abcdefghij'[i]} [${Array(9)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    expect(() => parseAuthors(laughs.join('\n'))).toThrow(/^content\/authors\.yaml:3: Its aliases .*\n {2}Fix: /);
    expect(() => parseAuthors('Ada:\n  bio: "bell \\a"\n')).toThrow(
      /^content\/authors\.yaml:2: This value holds an invisible BEL/,
    );
    expect(() => parseAuthors('Ad\ufffd:\n  bio: b\n')).toThrow(
      /^content\/authors\.yaml:1:3: The file is not valid UTF-8 here/,
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
