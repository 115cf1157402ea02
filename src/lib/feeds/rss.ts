import { element, htmlElement, escapeXmlAttr as attr } from './xml.ts';
import type { Feed, FeedItem } from './model.ts';

/**
 * RSS 2.0 with the full article in `content:encoded`, a teaser that the
 * content does not repeat in `description` (before it, as validators ask), the lead image as `enclosure` and `media:content` (Media RSS,
 * which most readers use for thumbnails), and an XSL stylesheet so a person who
 * opens the feed in a browser sees a readable page.
 */
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
      htmlElement('content:encoded', item.contentHtml),
      leadImage(item),
      '</item>',
    ].join(''),
  );
  const lastBuild = feed.items.reduce((max, i) => (i.updated > max ? i.updated : max), new Date(0));
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      feed.stylesheet ? `<?xml-stylesheet type="text/xsl" href="${attr(feed.stylesheet)}"?>` : '',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
      '<channel>',
      element('title', feed.title),
      element('link', feed.siteUrl),
      element('description', feed.description),
      element('language', feed.language),
      feed.generator ? element('generator', feed.generator.name) : '',
      feed.items.length > 0 ? element('lastBuildDate', lastBuild.toUTCString()) : '',
      `<atom:link href="${attr(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
      feed.hub ? `<atom:link href="${attr(feed.hub)}" rel="hub"/>` : '',
      feed.favicon
        ? `<image>${element('url', feed.favicon)}${element('title', feed.title)}${element('link', feed.siteUrl)}</image>`
        : '',
      ...items,
      '</channel>',
      '</rss>',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n'
  );
}

function leadImage(item: FeedItem): string {
  const img = item.image;
  if (!img) return '';
  // RSS asks for the file's length in bytes; 0 says "unknown" when the caller could not know it.
  const size = img.width && img.height ? ` width="${img.width}" height="${img.height}"` : '';
  return `<enclosure url="${attr(img.url)}" length="${img.bytes ?? 0}" type="${attr(img.type)}"/><media:content url="${attr(img.url)}" medium="image" type="${attr(img.type)}"${size}>${element('media:description', img.alt)}</media:content>`;
}
