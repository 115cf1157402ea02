import type { APIRoute } from 'astro';
import { figuresFeed } from '../../astro/figures-feed.ts';
import { renderRss } from '../../lib/feeds/rss.ts';

export const GET: APIRoute = () =>
  new Response(renderRss(figuresFeed()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
