import { describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { renderRss } from '../../../src/lib/feeds/rss.ts';
import { renderAtom } from '../../../src/lib/feeds/atom.ts';
import { renderJsonFeed } from '../../../src/lib/feeds/json-feed.ts';
import type { Feed, FeedItem } from '../../../src/lib/feeds/model.ts';
import { RFC3339_DATE_TIME, RFC822_DATE_TIME } from '../../helpers/feed-dates.ts';

const feed = (over: Partial<Feed> = {}): Feed => ({
  title: 'Col',
  description: 'D',
  siteUrl: 'https://c.example/',
  urls: { rss: 'https://c.example/rss.xml', atom: 'https://c.example/atom.xml', json: 'https://c.example/feed.json' },
  language: 'en',
  icon: 'https://c.example/icon-512.png',
  favicon: 'https://c.example/icon-144.png',
  generator: { name: 'Col (Astro)', uri: 'https://astro.build/' },
  stylesheet: '/feed.xsl',
  items: [
    {
      id: 'https://c.example/a/',
      url: 'https://c.example/a/',
      title: 'A & B',
      summary: 'S',
      contentHtml: '<p>x</p>',
      published: new Date('2026-03-02T00:00:00Z'),
      updated: new Date('2026-03-02T00:00:00Z'),
      authors: ['W'],
      tags: ['t'],
      image: { url: 'https://c.example/og/a.png', alt: 'Card "A"', type: 'image/png', width: 1200, height: 630 },
    },
  ],
  ...over,
});

describe('RSS', () => {
  const xml = renderRss(feed({ hub: 'https://hub.example/' }));
  it('is well-formed, styled for browsers, and parses with the lead image, channel image and generator', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.split('\n')[1]).toBe('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
    const parsed = parseFeed(xml);
    expect(parsed.image?.url).toBe('https://c.example/icon-144.png');
    expect(parsed.generator?.label).toBe('Col (Astro)');
    expect(parsed.items[0]!.media.map((m) => m.url)).toContain('https://c.example/og/a.png');
    expect(xml).toContain('<enclosure url="https://c.example/og/a.png" length="0" type="image/png"/>'); // size unknown
    expect(xml).toContain(
      '<media:content url="https://c.example/og/a.png" medium="image" type="image/png" width="1200" height="630"><media:description>Card &quot;A&quot;</media:description></media:content>',
    );
    expect(xml).toContain('<atom:link href="https://hub.example/" rel="hub"/>');
  });
  it('names no hub when none is set', () => {
    expect(renderRss(feed())).not.toContain('rel="hub"');
  });
});

describe('Atom', () => {
  const xml = renderAtom(feed({ hub: 'https://hub.example/' }));
  it('is well-formed and carries the enclosure link, icon, logo, generator and hub', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseFeed(xml);
    expect(parsed.items[0]!.media.map((m) => m.url)).toContain('https://c.example/og/a.png');
    expect(parsed.generator?.label).toBe('Col (Astro)');
    expect(xml).toContain('<icon>https://c.example/icon-144.png</icon>');
    expect(xml).toContain('<logo>https://c.example/icon-512.png</logo>');
    expect(xml).toContain('<link rel="hub" href="https://hub.example/"/>');
  });
});

describe('JSON Feed', () => {
  it('carries the item image, icon, favicon and WebSub hub', () => {
    const json = JSON.parse(renderJsonFeed(feed({ hub: 'https://hub.example/' })));
    expect(json.icon).toBe('https://c.example/icon-512.png');
    expect(json.favicon).toBe('https://c.example/icon-144.png');
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
    expect(json.items[0].image).toBe('https://c.example/og/a.png');
    expect(JSON.parse(renderJsonFeed(feed())).hubs).toBeUndefined();
  });
});

describe('dates in each format’s own grammar', () => {
  const item = (n: number, published: string, updated: string): FeedItem => ({
    ...feed().items[0]!,
    id: `https://c.example/${n}/`,
    url: `https://c.example/${n}/`,
    published: new Date(published),
    updated: new Date(updated),
  });
  // The newest revision (item 2's) is later than any publication date.
  const items = [
    item(1, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z'),
    item(2, '2026-01-05T08:00:00Z', '2026-04-01T10:30:00Z'),
  ];

  it('RSS: every pubDate and the lastBuildDate are RFC 822 date-times, the channel dated by the latest revision', () => {
    const xml = renderRss(feed({ items }));
    const pubDates = [...xml.matchAll(/<pubDate>([^<]*)<\/pubDate>/g)].map((m) => m[1]!);
    expect(pubDates).toEqual(['Mon, 02 Mar 2026 00:00:00 GMT', 'Mon, 05 Jan 2026 08:00:00 GMT']);
    for (const d of pubDates) expect(d).toMatch(RFC822_DATE_TIME);
    const lastBuild = /<lastBuildDate>([^<]*)<\/lastBuildDate>/.exec(xml)![1]!;
    expect(lastBuild).toMatch(RFC822_DATE_TIME);
    expect(new Date(lastBuild).toISOString()).toBe('2026-04-01T10:30:00.000Z');
  });

  it('Atom: published and updated are RFC 3339, and the feed’s updated is its latest entry update', () => {
    const xml = renderAtom(feed({ items }));
    const stamps = [...xml.matchAll(/<(published|updated)>([^<]*)<\/\1>/g)].map((m) => m[2]!);
    expect(stamps.length).toBe(5);
    for (const d of stamps) expect(d).toMatch(RFC3339_DATE_TIME);
    const feedUpdated = /<\/icon>[\s\S]*?<updated>([^<]*)<\/updated>[\s\S]*?<entry>/.exec(xml)?.[1];
    expect(feedUpdated).toBe('2026-04-01T10:30:00.000Z');
  });

  it('JSON Feed: date_published and date_modified are RFC 3339', () => {
    const json = JSON.parse(renderJsonFeed(feed({ items }))) as { items: Array<Record<string, string>> };
    for (const i of json.items) {
      expect(i.date_published).toMatch(RFC3339_DATE_TIME);
      expect(i.date_modified).toMatch(RFC3339_DATE_TIME);
    }
    expect(json.items[1]!.date_modified).toBe('2026-04-01T10:30:00.000Z');
  });

  it('the grammars refuse near misses', () => {
    for (const bad of [
      '2026-03-02T00:00:00.000Z',
      'Mon, 2 March 2026 00:00:00 GMT',
      'Mon, 02 Mar 26 00:00 GMT',
      'Mon 02 Mar 2026 00:00:00 GMT',
      'Mon, 02 Mar 2026 00:00:00 J',
    ])
      expect(bad, bad).not.toMatch(RFC822_DATE_TIME);
    for (const bad of [
      'Mon, 02 Mar 2026 00:00:00 GMT',
      '2026-03-02',
      '2026-03-02 00:00:00Z',
      '2026-13-02T00:00:00Z',
      '2026-03-02T00:00:00',
    ])
      expect(bad, bad).not.toMatch(RFC3339_DATE_TIME);
  });
});

describe('items with their content', () => {
  it('write the teaser before the content (RSS description, Atom and JSON Feed summary), none when there is none, and the enclosure’s byte length', () => {
    const f = feed();
    f.items[0] = { ...f.items[0]!, summary: 'The dek', image: { ...f.items[0]!.image!, bytes: 20470 } };
    const rss = renderRss(f);
    expect(rss).toMatch(/<description>The dek<\/description><content:encoded>/);
    expect(rss).toContain('<enclosure url="https://c.example/og/a.png" length="20470" type="image/png"/>');
    expect(renderAtom(f)).toContain('<summary>The dek</summary>');
    expect(renderAtom(f)).toContain('length="20470"');
    expect(JSON.parse(renderJsonFeed(f)).items[0].summary).toBe('The dek');
    f.items[0] = { ...f.items[0], summary: undefined };
    expect(renderRss(f)).not.toMatch(/<item>.*<description>/s);
    expect(renderAtom(f)).not.toContain('<summary>');
    expect(JSON.parse(renderJsonFeed(f)).items[0].summary).toBeUndefined();
  });
});
