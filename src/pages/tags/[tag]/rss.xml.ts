import type { APIRoute, GetStaticPaths } from 'astro';
import { feedsByTag, makeFeed } from '../../../astro/feed-items.ts';
import { renderRss } from '../../../lib/feeds/rss.ts';
import type { FeedItem } from '../../../lib/feeds/model.ts';
import { site } from '../../../site.config.ts';

/** One RSS feed per tag: /tags/<tag>/rss.xml (its old Atom and JSON Feed addresses redirect here: lib/host-redirects.ts). */
export const getStaticPaths = (async () => {
  const tags = await feedsByTag();
  return tags.map(({ tag, slug, items }) => ({ params: { tag: slug }, props: { tag, items } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: string; items: FeedItem[] }> = ({ params, props }) => {
  const feed = makeFeed(props.items, {
    path: `/tags/${params.tag}/`,
    title: `${site.name}: ${props.tag}`,
    description: `Issues of ${site.name} tagged “${props.tag}”.`,
  });
  return new Response(renderRss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
