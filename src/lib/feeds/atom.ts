import { element, htmlElement, escapeXmlAttr as attr } from './xml.ts';
import type { Feed } from './model.ts';

/**
 * Atom 1.0 (RFC 4287) with the full article as `content type="html"`, the lead
 * image as an `enclosure` link, the site icon and logo, and an XSL stylesheet
 * for people who open the feed in a browser.
 */
export function renderAtom(feed: Feed): string {
  const updated = feed.items.reduce((max, i) => (i.updated > max ? i.updated : max), new Date(0));
  const entries = feed.items.map((item) =>
    [
      '<entry>',
      element('title', item.title),
      `<link rel="alternate" type="text/html" href="${attr(item.url)}"/>`,
      item.image
        ? `<link rel="enclosure" type="${attr(item.image.type)}" href="${attr(item.image.url)}" title="${attr(item.image.alt)}"${item.image.bytes ? ` length="${item.image.bytes}"` : ''}/>`
        : '',
      element('id', item.id),
      element('published', item.published.toISOString()),
      element('updated', item.updated.toISOString()),
      ...item.authors.map((a) => `<author>${element('name', a)}</author>`),
      ...item.tags.map((t) => `<category term="${attr(t)}"/>`),
      element('summary', item.summary),
      htmlElement('content', item.contentHtml, { type: 'html' }),
      '</entry>',
    ].join(''),
  );
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      feed.stylesheet ? `<?xml-stylesheet type="text/xsl" href="${attr(feed.stylesheet)}"?>` : '',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attr(feed.language)}">`,
      element('title', feed.title),
      element('subtitle', feed.description),
      element('id', feed.siteUrl),
      `<link rel="alternate" type="text/html" href="${attr(feed.siteUrl)}"/>`,
      `<link rel="self" type="application/atom+xml" href="${attr(feed.urls.atom)}"/>`,
      feed.hub ? `<link rel="hub" href="${attr(feed.hub)}"/>` : '',
      feed.generator ? element('generator', feed.generator.name, { uri: feed.generator.uri }) : '',
      element('icon', feed.favicon),
      element('logo', feed.icon),
      element('updated', updated.toISOString()),
      ...entries,
      '</feed>',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n'
  );
}
