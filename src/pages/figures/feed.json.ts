import type { APIRoute } from 'astro';
import { figuresFeed } from '../../astro/figures-feed.ts';
import { renderJsonFeed } from '../../lib/feeds/json-feed.ts';

export const GET: APIRoute = () =>
  new Response(renderJsonFeed(figuresFeed()), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
