/**
 * Publishing under a path: the site built for a GitHub Pages project site (https://user.github.io/repo/)
 * puts every page, asset, feed, sitemap entry, social card, chart file, host rule and email link under
 * /repo/, passes the link checker and the feed checks read at that address, and nothing points at the
 * domain's root. Its pages pass the HTML checker too: tests/gates/html.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { testSite } from '../sites/sites.ts';
import { attr, distFiles, elements, htmlFiles, parseHtml, referencesIn } from '../helpers/dist-files.ts';
import { findDeadLinks } from '../gates/gates.ts';

const SITE = 'https://user.github.io/repo';
// The repo test site (tests/sites/sites.ts): SITE_URL https://user.github.io/repo/, every newsletter edition kept.
const dist = testSite('repo').dist;
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

describe('a site published under /repo/', () => {
  it('links every page, asset, form and script under /repo/, never the domain root', () => {
    const outside: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(dist)) {
      for (const ref of referencesIn(parseHtml(read(file)))) {
        if (!ref.url.startsWith('/') || ref.url.startsWith('//')) continue;
        checked++;
        if (!ref.url.startsWith('/repo/')) outside.push(`${file}: ${ref.where} ${ref.url}`);
      }
    }
    expect(outside).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('passes the link checker read at its own address (a link outside /repo/ would be dead)', () => {
    expect(findDeadLinks(dist, SITE)).toEqual([]);
  });

  it('gives canonical links, social cards and structured data full addresses under /repo/', () => {
    const doc = parseHtml(read('articles/bytedance-200-billion-ai-bet/index.html'));
    const meta = (p: string) =>
      attr(
        elements(doc).find((el) => attr(el, 'property') === p)!,
        'content',
      );
    expect(
      attr(
        elements(doc).find((el) => attr(el, 'rel') === 'canonical')!,
        'href',
      ),
    ).toBe(`${SITE}/articles/bytedance-200-billion-ai-bet/`);
    expect(meta('og:image')).toMatch(new RegExp(`^${SITE}/og/bytedance-200-billion-ai-bet\\.[0-9a-f]{16}\\.png$`));
    const ld = JSON.parse(textOfScript(read('articles/bytedance-200-billion-ai-bet/index.html')));
    expect(ld.publisher.url).toBe(`${SITE}/`);
    expect(ld.publisher.logo.url ?? ld.publisher.logo).toMatch(new RegExp(`^${SITE}/favicon\\.svg$`));
  });

  it('writes feeds a feed parser reads, with every link and image under /repo/', () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'tags/bytedance/rss.xml', 'figures/feed.xml']) {
      const text = read(file);
      if (file.endsWith('.xml')) {
        expect(XMLValidator.validate(text), file).toBe(true);
        expect(text).toContain(`<?xml-stylesheet type="text/xsl" href="/repo/feed.xsl"?>`);
      }
      const feed = file.endsWith('.json') ? JSON.parse(text) : parseFeed(text);
      const urls = [...text.matchAll(/https:\/\/user\.github\.io[^\s"'<>\\)]*/g)].map((m) => m[0]);
      expect(urls.length, file).toBeGreaterThan(3);
      for (const u of urls) expect(u.startsWith(`${SITE}/`) || u === SITE, `${file}: ${u}`).toBe(true);
      const items = file.endsWith('.json') ? feed.items : feed.items;
      expect(items.length, file).toBeGreaterThan(0);
      for (const item of items) expect(item.url, file).toMatch(new RegExp(`^${SITE}/`));
    }
  });

  it('lists the sitemap, robots, host rules and email edition under /repo/', () => {
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${SITE}/`);
    for (const l of locs) expect(l).toMatch(new RegExp(`^${SITE}/`));
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    const headerPaths = read('_headers')
      .split('\n')
      .filter((l) => l.startsWith('/'));
    expect(headerPaths).toContain('/repo/_astro/*');
    for (const p of headerPaths) expect(p.startsWith('/repo/')).toBe(true);
    for (const rule of read('_redirects')
      .split('\n')
      .filter((l) => l.startsWith('/')))
      expect(rule).toMatch(/^\/repo\/\S+ \/repo\/\S+ 301$/);
    const edition = read('newsletter/tokens-versus-revenue.html');
    const links = [...edition.matchAll(/href="(https:\/\/user\.github\.io[^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(l).toMatch(new RegExp(`^${SITE}/`));
  });

  it('points the search page at the index under /repo/ and keeps chart files there', () => {
    const bundles = distFiles(dist).filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
    const search = bundles.filter((f) => read(f).includes('/pagefind/pagefind.js'));
    expect(search.length).toBe(1);
    expect(read(search[0]!)).toMatch(/[`"']\/repo\/[`"']/);
    expect(distFiles(dist).filter((f) => f.startsWith('charts/')).length).toBeGreaterThan(5);
    const charts = [
      ...read('articles/tokens-versus-revenue/index.html').matchAll(/"(\/repo\/charts\/chart-[0-9a-f]{16}[^"]*)"/g),
    ];
    expect(charts.length).toBeGreaterThan(3);
  });
});

function textOfScript(html: string): string {
  return /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
}
