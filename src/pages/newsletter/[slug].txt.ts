import type { APIRoute } from 'astro';
import type { Article } from '../../astro/published-articles.ts';
import { emailPaths, emailText } from '../../astro/email-edition.ts';

/** /newsletter/<slug>.txt: the plain-text part of the newsletter. */
export const getStaticPaths = emailPaths;
export const GET: APIRoute<{ article: Article }> = async ({ props }) =>
  new Response(await emailText(props.article), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
