import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { getPublishedArticles } from '../../astro/published-articles.ts';
import { socialCard, socialCardName } from '../../astro/social-cards.ts';
import { socialCardPng, startSocialCard, type SocialCard } from '../../lib/social/og-image.ts';
import { CACHE_DIR } from '../../lib/cache-dir.ts';

const CACHE = join(CACHE_DIR, 'og');

/** /og/<slug>.<hash>.png for each article (1200×630), and /og/site.<hash>.png for every other page: content-hashed, so immutable. */
export async function getStaticPaths() {
  const articles = await getPublishedArticles();
  const paths = [...articles, undefined].map((article) => ({
    params: { slug: socialCardName(article) },
    props: { card: socialCard(article) },
  }));
  // Start drawing every missing card now, in the worker pool, while the other pages render; each route below collects its own.
  for (const p of paths) startSocialCard(p.props.card, CACHE).catch(() => undefined);
  return paths;
}

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(new Uint8Array(await socialCardPng(props.card, CACHE)), { headers: { 'Content-Type': 'image/png' } });
