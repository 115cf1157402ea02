import type { APIRoute } from 'astro';
import { allFeedItems, makeFeed } from '../astro/feed-items.ts';
import { renderJsonFeed } from '../lib/feeds/json-feed.ts';

export const GET: APIRoute = async () =>
  new Response(renderJsonFeed(makeFeed(await allFeedItems(), { path: '/' })), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
