import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';
import { siteUrlOf } from '../lib/hosting/base-path.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrlOf('/sitemap-index.xml', site.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
