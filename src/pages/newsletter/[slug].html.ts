import type { APIRoute } from 'astro';
import type { Article } from '../../astro/published-articles.ts';
import { emailHtml, emailPaths } from '../../astro/email-edition.ts';

/** /newsletter/<slug>.html: the email-ready edition of an article. */
export const getStaticPaths = emailPaths;
export const GET: APIRoute<{ article: Article }> = async ({ props }) =>
  new Response(await emailHtml(props.article), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
