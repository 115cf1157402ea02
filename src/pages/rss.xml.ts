import type { APIRoute } from 'astro';
import { allFeedItems, makeFeed } from '../astro/feed-items.ts';
import { renderRss } from '../lib/feeds/rss.ts';

export const GET: APIRoute = async () =>
  new Response(renderRss(makeFeed(await allFeedItems(), { path: '/' })), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
