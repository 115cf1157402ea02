import { describe, expect, it } from 'vitest';
import { sitePaths, staticRoutePath } from '../../../src/lib/hosting/site-paths.ts';
import { routeFiles } from '../../../src/lib/lint/lint.ts';
import { FRONT, project } from '../lint/fixture.ts';
import { lintProject } from '../../../src/lib/lint/lint.ts';

describe('site paths from the routes', () => {
  it('maps static route files to their URLs', () => {
    expect(
      ['index.astro', 'figures/index.astro', 'search.astro', 'rss.xml.ts', 'figures/feed.xml.ts', '404.astro'].map(
        staticRoutePath,
      ),
    ).toEqual(['/', '/figures/', '/search/', '/rss.xml', '/figures/feed.xml', '/404.html']);
  });

  it('reports a dynamic route it does not know, instead of guessing', () => {
    const { unknownRoutes } = sitePaths(['index.astro', 'authors/[name].astro'], {
      articles: [],
      pageSize: 10,
      outcomes: [],
    });
    expect(unknownRoutes).toEqual(['authors/[name].astro']);
  });

  it('knows every route of this code base', () => {
    expect(sitePaths(routeFiles(), { articles: [], pageSize: 10, outcomes: [] }).unknownRoutes).toEqual([]);
  });
});

describe('link check against real site paths', () => {
  // Twelve published articles (two home pages at 10 a page), one with a tracked ByteDance outcome and the tag "capex".
  const articles: Record<string, string> = {};
  for (let i = 1; i <= 12; i++)
    articles[`2026-0${(i % 9) + 1}-0${(i % 9) + 1}-a${i}.mdx`] = `${FRONT(i)}\nText ${i}.\n`;
  articles['2026-01-02-a1.mdx'] =
    `${FRONT(1).replace('tags: ["fixture"]', 'tags: ["capex", "豆包"]')}\n| Outcome | Result |\n|---|---|\n| ✅ Ships (track: bytedance.ships, due 2027-01-01) | a |\n`;
  delete articles['2026-02-02-a1.mdx'];

  it.each([
    '/figures/feed.xml',
    '/figures/feed.json',
    '/tags/capex/rss.xml',
    '/tags/dou-bao/',
    '/tags/dou-bao/rss.xml',
    '/page/2/',
    '/scorecard/company/bytedance/',
    '/scorecard/status/open/',
    '/og/a1.0123456789abcdef.png',
    '/charts/chart-0123456789abcdef.csv',
    '/figures.schema.json',
  ])('accepts a link to %s', (path) => {
    const root = project({ ...articles, '2026-01-03-linker.mdx': `${FRONT(40)}\nSee [it](${path}).\n` });
    const d = lintProject(root, { now: new Date('2026-12-01'), pageSize: 10 }).diagnostics.filter(
      (x) => x.rule === 'broken-link',
    );
    expect(d).toEqual([]);
  });

  it.each([
    '/page/3/',
    '/tags/nope/rss.xml',
    // Retired: a tag's feed is RSS only; the host redirects these for old subscribers, an article links the feed itself.
    '/tags/capex/atom.xml',
    '/tags/dou-bao/feed.json',
    '/scorecard/company/nobody/',
    '/figures/feed.csv',
    '/og/nobody.0123456789abcdef.png',
  ])('still reports a link to %s', (path) => {
    const root = project({ ...articles, '2026-01-03-linker.mdx': `${FRONT(40)}\nSee [it](${path}).\n` });
    const d = lintProject(root, { now: new Date('2026-12-01'), pageSize: 10 }).diagnostics.filter(
      (x) => x.rule === 'broken-link',
    );
    expect(d.map((x) => x.message)).toEqual([`Link to ${path} goes nowhere.`]);
  });
});
