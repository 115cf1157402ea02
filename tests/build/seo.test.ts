import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readDist, testDist } from '../helpers/project.ts';
import { publishedSourceArticles } from '../helpers/site-articles.ts';
import { siteUrl } from '../helpers/dist-files.ts';

const SITE = siteUrl();
const articles = publishedSourceArticles(new Date('2026-11-24T12:00:00Z'));

function htmlPages(dir = testDist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlPages(p);
    return e.name === 'index.html' ? [relative(testDist, p)] : [];
  });
}

const attr = (html: string, selector: RegExp) => selector.exec(html)?.[1];

describe('sitemap and robots', () => {
  it('lists every page of the site, and only those', () => {
    const index = readDist('sitemap-index.xml');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.slice(1));
    const listed = sitemaps.flatMap((f) => [...readDist(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)).sort();
    const pages = htmlPages()
      .map((p) => `${SITE}/${p.replace(/index\.html$/, '')}`)
      .sort();
    expect(listed).toEqual(pages);
  });

  it('points robots at the sitemap', () => {
    expect(readDist('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe.each(articles.map((a) => [a.slug, a] as const))('article %s', (slug, a) => {
  const html = readDist(`articles/${slug}/index.html`);
  const url = `${SITE}/articles/${slug}/`;

  it('has a canonical URL and Open Graph / Twitter tags', () => {
    expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe(url);
    expect(attr(html, /<meta property="og:url" content="([^"]+)"/)).toBe(url);
    expect(attr(html, /<meta property="og:type" content="([^"]+)"/)).toBe('article');
    expect(attr(html, /<meta property="og:title" content="([^"]+)"/)?.replace(/&#39;/g, "'")).toBe(a.front.title);
    // Content-hashed, so the card can be cached as immutable (_headers).
    expect(attr(html, /<meta property="og:image" content="([^"]+)"/)).toMatch(
      new RegExp(`^${SITE.replace(/\./g, '\\.')}/og/${slug}\\.[0-9a-f]{16}\\.png$`),
    );
    expect(attr(html, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image');
  });

  it('has a 1200×630 social image', () => {
    const png = readFileSync(
      join(testDist, attr(html, /<meta property="og:image" content="([^"]+)"/)!.slice(SITE.length)),
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('describes itself as a NewsArticle in JSON-LD', () => {
    const json = attr(html, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
    const ld = JSON.parse(json!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(a.front.title);
    expect(ld.url).toBe(url);
    expect(ld.datePublished.slice(0, 10)).toBe(new Date(a.front.published).toISOString().slice(0, 10));
    expect(ld.image[0]).toMatchObject({
      url: attr(html, /<meta property="og:image" content="([^"]+)"/),
      width: 1200,
      height: 630,
    });
  });
});
