import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { projectRoot, readDist, testDist } from '../helpers/project.ts';
import { spawnSync } from 'node:child_process';
import { publishedSourceArticles } from '../helpers/site-articles.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';
import { tagSlug } from '../../src/lib/slug.ts';
import { backgroundsWithoutColour, outsideAllowList, sanitizerLosses } from '../helpers/feed-sanitizer.ts';
import { distFiles, siteUrl } from '../helpers/dist-files.ts';
import { parseRedirectsFile, redirectFor } from '../../src/lib/hosting/host-redirects.ts';
import { rfc3339Problems, rfc822Problems } from '../helpers/feed-dates.ts';
import { statSync } from 'node:fs';

const SITE = siteUrl();
const now = new Date('2026-11-24T12:00:00Z');
const articles = publishedSourceArticles(now);

function checkContent(html: string): void {
  expect(unsafeMarkup(html), 'forbidden markup in feed HTML').toEqual([]);
  // Nothing a feed reader's sanitiser would strip, and no background a dark reader cannot read.
  expect(sanitizerLosses(html), 'markup feed readers drop').toEqual([]);
  expect(outsideAllowList(html), 'markup outside the allow-list').toEqual([]);
  expect(backgroundsWithoutColour(html), 'backgrounds without a text colour').toEqual([]);
  for (const m of html.matchAll(/<img\b([^>]*)>/g))
    expect(Number(/\swidth="(\d+)"/.exec(m[1]!)?.[1]), 'image width attribute').toBeLessThanOrEqual(600);
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
      for (const heading of a.body.matchAll(/^## (.+)$/gm))
        expect(content).toContain(heading[1]!.replace(/'/g, '&#39;').replace(/’/g, '’'));
      checkContent(content);
    }
  });

  it('names itself and the site', () => {
    expect(feed.self).toBe(`${SITE}/${file}`);
    expect(feed.url).toBe(`${SITE}/`);
  });

  it('carries each article’s lead image, the site icon, the generator and a browser stylesheet', () => {
    for (const [i, item] of feed.items.entries()) {
      const image = item.media.find((m) => m.type === 'image' || m.mimeType?.startsWith('image/'));
      expect(image?.url, `${item.title}: lead image`).toMatch(
        new RegExp(`^${SITE}/og/${articles[i]!.slug}\\.[0-9a-f]{16}\\.png$`),
      );
      expect(existsSync(join(testDist, new URL(image!.url).pathname))).toBe(true);
    }
    expect(feed.generator?.label).toContain('AI Frontier');
    expect(xml).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
    const icon = file === 'rss.xml' ? feed.image?.url : /<icon>([^<]+)<\/icon>/.exec(xml)?.[1];
    expect(icon).toBe(`${SITE}/icon-144.png`);
    const png = readFileSync(join(testDist, 'icon-144.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(144);
  });
});

describe('feed formats as their standards write them', () => {
  it('rss.xml: pubDate and lastBuildDate are RFC 822, enclosure lengths are the files’ sizes, the description (the dek) comes before the content and is not repeated in it', () => {
    const xml = readDist('rss.xml');
    const dates = [...xml.matchAll(/<(pubDate|lastBuildDate)>([^<]*)<\//g)].map((m) => m[2]!);
    expect(dates.length).toBe(articles.length + 1);
    expect(dates.flatMap(rfc822Problems)).toEqual([]);
    const enclosures = [...xml.matchAll(/<enclosure url="([^"]+)" length="(\d+)"/g)];
    expect(enclosures.length).toBe(articles.length);
    for (const [, url, length] of enclosures)
      expect(Number(length), url).toBe(statSync(join(testDist, new URL(url!).pathname)).size);
    const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]);
    expect(items.length).toBe(articles.length);
    items.forEach((item, i) => {
      const dek = articles[i]!.front.dek;
      const description = /<description>([^<]*)<\/description>/.exec(item)?.[1];
      expect(description?.replace(/&apos;/g, "'").replace(/&quot;/g, '"')).toBe(dek);
      expect(item.indexOf('<description>')).toBeLessThan(item.indexOf('<content:encoded>'));
      const content = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(item)![1]!;
      expect(content.replace(/&#39;/g, "'")).not.toContain(dek.slice(0, 60));
    });
  });

  it('atom.xml: every date is RFC 3339 and the feed is dated by its latest entry update', () => {
    const xml = readDist('atom.xml');
    const entryUpdated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]*)<\/updated>/g)].map((m) => m[1]!);
    const all = [...xml.matchAll(/<(published|updated)>([^<]*)<\//g)].map((m) => m[2]!);
    expect(all.flatMap(rfc3339Problems)).toEqual([]);
    const feedUpdated = /<logo>[^<]*<\/logo>\n<updated>([^<]*)<\/updated>/.exec(xml)?.[1];
    expect(feedUpdated).toBe([...entryUpdated].sort().at(-1));
  });

  it('feed.json: date_published and date_modified are RFC 3339', () => {
    const json = JSON.parse(readDist('feed.json')) as {
      items: Array<{ date_published: string; date_modified: string }>;
    };
    expect(
      json.items.flatMap((i) => [...rfc3339Problems(i.date_published), ...rfc3339Problems(i.date_modified)]),
    ).toEqual([]);
  });
});

describe('every feed the site publishes', () => {
  const feeds = distFiles(testDist).filter((f) => /(^|\/)(rss|atom|feed)\.xml$|(^|\/)feed\.json$/.test(f));
  it.each(feeds)('%s: keeps everything through a feed sanitiser', (path) => {
    expect(feeds.length).toBeGreaterThan(6);
    const text = readDist(path);
    const contents = path.endsWith('.json')
      ? JSON.parse(text).items.map((i: { content_html?: string }) => i.content_html ?? '')
      : parseFeed(text).items.map((i) => i.content ?? '');
    for (const html of contents) {
      expect(sanitizerLosses(html)).toEqual([]);
      expect(backgroundsWithoutColour(html)).toEqual([]);
    }
  });
});

describe('feeds in a browser', () => {
  it.each(['rss.xml', 'atom.xml'])(
    '%s turns into a readable page with a subscribe hint (XSLT, run by the JDK)',
    (file) => {
      const java = spawnSync(
        'java',
        [join(projectRoot, 'tests', 'helpers', 'Xslt.java'), join(testDist, 'feed.xsl'), join(testDist, file)],
        { encoding: 'utf8' },
      );
      expect(java.status, java.stderr).toBe(0);
      const page = java.stdout;
      expect(page).toContain('This is a web feed.');
      expect(page).toContain(`<code>${SITE}/${file}</code>`);
      for (const a of articles) expect(page).toContain(`href="${SITE}/articles/${a.slug}/"`);
      expect(page).toContain('<link rel="stylesheet" href="/feed.css">');
      expect(existsSync(join(testDist, 'feed.css'))).toBe(true);
    },
  );
});

describe('feed.json', () => {
  const json = JSON.parse(readDist('feed.json'));
  it('is JSON Feed 1.1 with every published article', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${SITE}/feed.json`);
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(articles.map((a) => a.front.title));
    expect(json.icon).toBe(`${SITE}/icon-512.png`);
    expect(json.favicon).toBe(`${SITE}/icon-144.png`);
    for (const [i, item] of json.items.entries()) {
      expect(item.image).toMatch(new RegExp(`^${SITE}/og/${articles[i]!.slug}\\.[0-9a-f]{16}\\.png$`));
      expect(existsSync(join(testDist, new URL(item.image as string).pathname)), `${item.image} exists`).toBe(true);
      expect(item.content_html.length).toBeGreaterThan(1000);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      checkContent(item.content_html);
    }
  });
});

describe('tag feeds', () => {
  it('gives each tag one feed, in RSS, and sends its old Atom and JSON Feed addresses there', () => {
    const rules = parseRedirectsFile(readDist('_redirects'));
    const tagDirs = readdirSync(join(testDist, 'tags'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(tagDirs.length).toBeGreaterThan(0);
    for (const { name } of tagDirs) {
      expect(readdirSync(join(testDist, 'tags', name)).sort()).toEqual(['index.html', 'rss.xml']);
      for (const old of ['atom.xml', 'feed.json'])
        expect(redirectFor(rules, `/tags/${name}/${old}`)).toEqual({ location: `/tags/${name}/rss.xml`, status: 301 });
    }
  });

  it('gives each tag an RSS feed holding exactly its articles', () => {
    const tags = new Set(articles.flatMap((a) => a.front.tags ?? []));
    expect(tags.size).toBeGreaterThan(0);
    for (const tag of tags) {
      const feed = parseFeed(readDist(`tags/${tagSlug(tag)}/rss.xml`));
      expect(feed.items.map((i) => i.title).sort()).toEqual(
        articles
          .filter((a) => a.front.tags?.includes(tag))
          .map((a) => a.front.title)
          .sort(),
      );
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

  it('links the figures feeds from /figures/', () => {
    const html = readFileSync(join(testDist, 'figures', 'index.html'), 'utf8');
    expect(html).toMatch(/<link[^>]*rel="alternate"[^>]*type="application\/rss\+xml"[^>]*href="\/figures\/feed\.xml"/);
    expect(html).toMatch(
      /<link[^>]*rel="alternate"[^>]*type="application\/feed\+json"[^>]*href="\/figures\/feed\.json"/,
    );
  });
});
