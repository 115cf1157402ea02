import type { APIRoute } from 'astro';
import { fontData } from 'astro:assets';
import { fontFaceCss } from '../lib/site/font-face.ts';

/**
 * /fonts.css: the body font's @font-face rules. font-display: optional, with the regular face preloaded:
 * the article text sits on the first screen, and a late swap from the fallback would move it (layout shift).
 */
export const GET: APIRoute = () =>
  new Response(fontFaceCss('Source Serif 4', fontData['--font-serif'] ?? [], 'optional'), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
