import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { readDist, testDist } from '../helpers/project.ts';
import { publishedSourceArticles } from '../helpers/site-articles.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';
import { tagSlug } from '../../src/lib/slug.ts';

const SITE = 'https://ai-frontier.example.com';
const now = new Date('2026-11-24T12:00:00Z');
const articles = publishedSourceArticles(now);

function checkContent(html: string): void {
  expect(unsafeMarkup(html), 'forbidden markup in feed HTML').toEqual([]);
  for (const m of html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)) {
    const src = m[1]!;
    expect(src.startsWith(`${SITE}/`), `image ${src} is absolute`).toBe(true);
    expect(existsSync(join(testDist, decodeURI(new URL(src).pathname))), `image ${src} exists in dist`).toBe(true);
  }
  for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
    expect(m[1]!, 'link is absolute').toMatch(/^(https?:|mailto:)/);
  }
}

describe.each(['rss.xml', 'atom.xml'])('%s', (file) => {
  const xml = readDist(file);
  const feed = parseFeed(xml);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('carries every published article, newest first, with title, dates and full content', () => {
    expect(feed.items.map((i) => i.title)).toEqual(articles.map((a) => a.front.title));
    for (const [i, item] of feed.items.entries()) {
      const a = articles[i]!;
      expect(item.url).toBe(`${SITE}/articles/${a.slug}/`);
      expect(item.published?.toISOString().slice(0, 10)).toBe(new Date(a.front.published).toISOString().slice(0, 10));
      expect(item.updated).toBeTruthy();
      expect(item.categories.map((c) => c.term)).toEqual(a.front.tags ?? []);
      const content = item.content ?? '';
      // Every section heading of the article arrives in the feed.
      for (const heading of a.body.matchAll(/^## (.+)$/gm)) expect(content).toContain(heading[1]!.replace(/'/g, '&#39;').replace(/’/g, '’'));
      checkContent(content);
    }
  });

  it('names itself and the site', () => {
    expect(feed.self).toBe(`${SITE}/${file}`);
    expect(feed.url).toBe(`${SITE}/`);
  });
});

describe('feed.json', () => {
  const json = JSON.parse(readDist('feed.json'));
  it('is JSON Feed 1.1 with every published article', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${SITE}/feed.json`);
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(articles.map((a) => a.front.title));
    for (const item of json.items) {
      expect(item.content_html.length).toBeGreaterThan(1000);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      checkContent(item.content_html);
    }
  });
});

describe('tag feeds', () => {
  it('gives each tag an RSS feed holding exactly its articles', () => {
    const tags = new Set(articles.flatMap((a) => a.front.tags ?? []));
    expect(tags.size).toBeGreaterThan(0);
    for (const tag of tags) {
      const feed = parseFeed(readDist(`tags/${tagSlug(tag)}/rss.xml`));
      expect(feed.items.map((i) => i.title).sort()).toEqual(articles.filter((a) => a.front.tags?.includes(tag)).map((a) => a.front.title).sort());
    }
  });
});

describe('autodiscovery', () => {
  it('links the feeds from every page', () => {
    for (const page of ['index.html', '404.html', ...articles.map((a) => `articles/${a.slug}/index.html`)]) {
      const html = readFileSync(join(testDist, page), 'utf8');
      expect(html).toContain('rel="alternate" type="application/rss+xml"');
      expect(html).toContain('type="application/atom+xml"');
      expect(html).toContain('type="application/feed+json"');
    }
  });
});
