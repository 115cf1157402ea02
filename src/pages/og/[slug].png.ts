import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { getPublishedArticles } from '../../astro/published-articles.ts';
import { socialCard, socialCardName } from '../../astro/social-cards.ts';
import { socialCardPng, type SocialCard } from '../../lib/social/og-image.ts';

const CACHE = join(process.cwd(), '.cache', 'og');

/** /og/<slug>.<hash>.png for each article (1200×630), and /og/site.<hash>.png for every other page: content-hashed, so immutable. */
export async function getStaticPaths() {
  const articles = await getPublishedArticles();
  return [...articles, undefined].map((article) => ({
    params: { slug: socialCardName(article) },
    props: { card: socialCard(article) },
  }));
}

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(new Uint8Array(await socialCardPng(props.card, CACHE)), { headers: { 'Content-Type': 'image/png' } });
