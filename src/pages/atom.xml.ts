import type { APIRoute } from 'astro';
import { allFeedItems, makeFeed } from '../astro/feed-items.ts';
import { renderAtom } from '../lib/feeds/atom.ts';

export const GET: APIRoute = async () =>
  new Response(renderAtom(makeFeed(await allFeedItems(), { path: '/' })), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
