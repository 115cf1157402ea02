import { describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { renderRss } from '../../../src/lib/feeds/rss.ts';
import { renderAtom } from '../../../src/lib/feeds/atom.ts';
import { renderJsonFeed } from '../../../src/lib/feeds/json-feed.ts';
import type { Feed } from '../../../src/lib/feeds/model.ts';

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
    expect(xml).toContain('<enclosure url="https://c.example/og/a.png" length="0" type="image/png"/>');
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
