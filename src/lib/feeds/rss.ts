import { element, escapeXmlAttr as attr } from './xml.ts';
import type { Feed } from './model.ts';

/** RSS 2.0 with the full article in `content:encoded` and the summary in `description`. */
export function renderRss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.id, { isPermaLink: String(item.id === item.url) }),
      element('pubDate', item.published.toUTCString()),
      // RSS has no "updated"; Atom's element is the common extension readers honour.
      element('atom:updated', item.updated.toISOString()),
      ...item.authors.map((a) => element('dc:creator', a)),
      ...item.tags.map((t) => element('category', t)),
      element('description', item.summary),
      element('content:encoded', item.contentHtml),
      '</item>',
    ].join(''),
  );
  const lastBuild = feed.items.reduce((max, i) => (i.updated > max ? i.updated : max), new Date(0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.siteUrl),
    element('description', feed.description),
    element('language', feed.language),
    feed.items.length > 0 ? element('lastBuildDate', lastBuild.toUTCString()) : '',
    `<atom:link href="${attr(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
