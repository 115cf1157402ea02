import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { getPublishedArticles, type Article } from '../../astro/published-articles.ts';
import { socialCardPng, type SocialCard } from '../../lib/social/og-image.ts';
import { figure } from '../../astro/figures-registry.ts';
import { formatDate } from '../../lib/dates.ts';
import { site } from '../../site.config.ts';

const CACHE = join(process.cwd(), '.cache', 'og');

/** /og/<slug>.png for each article (1200×630), and /og/site.png for every other page. */
export async function getStaticPaths() {
  const articles = await getPublishedArticles();
  return [...articles.map((article) => ({ params: { slug: article.id }, props: { article } })), { params: { slug: 'site' }, props: {} }];
}

export const GET: APIRoute<{ article?: Article }> = async ({ props }) => {
  const host = new URL(site.url).host;
  let card: SocialCard;
  if (props.article) {
    const { data } = props.article;
    const key = data.keyFigures[0] ? figure(data.keyFigures[0]) : undefined;
    card = { kicker: `${site.name} · Issue ${data.issue}`, title: data.title, figure: key?.text.short, figureLabel: key?.label, footer: `${formatDate(data.published)} · ${host}` };
  } else {
    card = { kicker: site.name, title: site.tagline, footer: host };
  }
  return new Response(new Uint8Array(await socialCardPng(card, CACHE)), { headers: { 'Content-Type': 'image/png' } });
};
