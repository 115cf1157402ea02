import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDist } from '../helpers/project.ts';
import { projectRoot } from '../helpers/project.ts';
import { checkArticles } from '../../src/lib/inputs/check-articles.ts';
import { projectSitePaths } from '../../src/lib/lint/lint.ts';
import { site } from '../../src/site.config.ts';

/** The build's output as site paths: `tags/capex/index.html` → `/tags/capex/`, `rss.xml` → `/rss.xml`. */
function builtPaths(): string[] {
  // Bundled assets, the search index and chart files are not pages an author links by name; newsletter
  // editions are made for `npm run email` and `npm run send` (the test build asks for them) and never published.
  const skip = /^(_astro|pagefind|charts|newsletter)\//;
  return readdirSync(testDist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(testDist.length + 1)
        .replace(/\\/g, '/'),
    )
    .filter((f) => !skip.test(f))
    .map((f) =>
      f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`,
    )
    .sort();
}

describe('site paths the link check accepts', () => {
  const { articles } = checkArticles(projectRoot);
  const { paths, patterns, unknownRoutes } = projectSitePaths(articles, {
    now: new Date('2026-11-24T12:00:00Z'),
    pageSize: site.pageSize,
    root: projectRoot,
  });

  it('are exactly the pages and files the build produced', () => {
    expect(unknownRoutes).toEqual([]);
    const built = builtPaths();
    // Files named by a content hash (social cards) are matched by pattern: each pattern names exactly one built file.
    const hashed = built.filter((p) => patterns.some((re) => re.test(p)));
    for (const re of patterns)
      expect(
        built.filter((p) => re.test(p)),
        String(re),
      ).toHaveLength(1);
    expect([...paths].sort()).toEqual(built.filter((p) => !hashed.includes(p)));
  });

  it('give a tag written in Chinese its page, its RSS feed and a sitemap entry, all at one URL', () => {
    for (const f of ['tags/dou-bao/index.html', 'tags/dou-bao/rss.xml'])
      expect(builtPaths()).toContain(`/${f.replace(/index\.html$/, '')}`);
    expect(readFileSync(join(testDist, 'sitemap-0.xml'), 'utf8')).toContain('/tags/dou-bao/</loc>');
    expect(readFileSync(join(testDist, 'tags', 'dou-bao', 'rss.xml'), 'utf8')).toContain('/tags/dou-bao/');
    expect(readFileSync(join(testDist, 'tags', 'index.html'), 'utf8')).toContain('href="/tags/dou-bao/"');
    // No feed or page links to an empty tag segment.
    for (const f of ['rss.xml', 'atom.xml', 'feed.json', 'sitemap-0.xml'])
      expect(readFileSync(join(testDist, f), 'utf8')).not.toContain('/tags//');
  });
});
