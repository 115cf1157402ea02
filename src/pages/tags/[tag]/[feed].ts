import type { APIRoute, GetStaticPaths } from 'astro';
import { feedsByTag, makeFeed } from '../../../astro/feed-items.ts';
import { renderRss } from '../../../lib/feeds/rss.ts';
import { renderAtom } from '../../../lib/feeds/atom.ts';
import { renderJsonFeed } from '../../../lib/feeds/json-feed.ts';
import type { FeedItem } from '../../../lib/feeds/model.ts';
import { site } from '../../../site.config.ts';
import { TAG_FEED_FILES, type TagFeedFile } from '../../../lib/site-paths.ts';

const FORMATS: Record<TagFeedFile, { render: (feed: Parameters<typeof renderRss>[0]) => string; type: string }> = {
  'rss.xml': { render: renderRss, type: 'application/rss+xml' },
  'atom.xml': { render: renderAtom, type: 'application/atom+xml' },
  'feed.json': { render: renderJsonFeed, type: 'application/feed+json' },
};

/** One feed per tag, in each format: /tags/<tag>/rss.xml, atom.xml, feed.json. */
export const getStaticPaths = (async () => {
  const tags = await feedsByTag();
  return tags.flatMap(({ tag, slug, items }) =>
    TAG_FEED_FILES.map((feed) => ({ params: { tag: slug, feed }, props: { tag, items } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string; items: FeedItem[] }> = ({ params, props }) => {
  const format = FORMATS[params.feed as TagFeedFile];
  const feed = makeFeed(props.items, {
    path: `/tags/${params.tag}/`,
    title: `${site.name}: ${props.tag}`,
    description: `Issues of ${site.name} tagged “${props.tag}”.`,
  });
  return new Response(format.render(feed), { headers: { 'Content-Type': `${format.type}; charset=utf-8` } });
};
