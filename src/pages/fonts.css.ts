import type { APIRoute } from 'astro';
import { fontData } from 'astro:assets';
import { BODY_CSS_VARIABLE, bodyFontCss } from '../lib/fonts/body-font.ts';

/**
 * /fonts.css: the body font's @font-face rules and their metric-matched fallbacks
 * (src/lib/fonts/body-font.ts says which face loads how, and why).
 */
export const GET: APIRoute = async () =>
  new Response(await bodyFontCss(fontData[BODY_CSS_VARIABLE] ?? []), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
