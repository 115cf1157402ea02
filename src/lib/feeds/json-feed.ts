import { stripInvalidXmlChars } from './xml.ts';
import type { Feed } from './model.ts';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(feed: Feed): string {
  const clean = (s: string) => stripInvalidXmlChars(s);
  return (
    JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: clean(feed.title),
        home_page_url: feed.siteUrl,
        feed_url: feed.urls.json,
        description: clean(feed.description),
        language: feed.language,
        ...(feed.icon ? { icon: feed.icon } : {}),
        ...(feed.favicon ? { favicon: feed.favicon } : {}),
        ...(feed.hub ? { hubs: [{ type: 'WebSub', url: feed.hub }] } : {}),
        items: feed.items.map((item) => ({
          id: item.id,
          url: item.url,
          title: clean(item.title),
          ...(item.summary ? { summary: clean(item.summary) } : {}),
          content_html: clean(item.contentHtml),
          date_published: item.published.toISOString(),
          date_modified: item.updated.toISOString(),
          authors: item.authors.map((name) => ({ name: clean(name) })),
          tags: item.tags.map(clean),
          ...(item.image ? { image: item.image.url } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
