import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconPng } from '../lib/social/icon.ts';
import { ICON_SIZES } from '../lib/social/icon-sizes.ts';

/** /icon-144.png and /icon-512.png: the favicon as PNG for feeds (RSS image, Atom logo, JSON Feed icon). */
export const getStaticPaths = () => ICON_SIZES.map((size) => ({ params: { size: String(size) } }));

export const GET: APIRoute = async ({ params }) => {
  const svg = readFileSync(join(process.cwd(), 'public', 'favicon.svg'), 'utf8');
  return new Response(new Uint8Array(await iconPng(svg, Number(params.size))), {
    headers: { 'Content-Type': 'image/png' },
  });
};
