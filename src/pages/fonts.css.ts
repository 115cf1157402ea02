import type { APIRoute } from 'astro';
import { fontData } from 'astro:assets';
import { fontFaceCss } from '../lib/font-face.ts';

/** /fonts.css: the body font's @font-face rules (font-display: swap). */
export const GET: APIRoute = () =>
  new Response(fontFaceCss('Source Serif 4', fontData['--font-serif'] ?? []), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
