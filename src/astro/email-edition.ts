/** The newsletter edition of an article, from the same feed-safe HTML as the feeds. */
import { getCollection } from 'astro:content';
import { editionsToBuild } from '../lib/email/editions-to-build.ts';
import { factsOf, getPublishedArticles, type Article } from './published-articles.ts';
import { articleUrl, feedHtmlFor } from './feed-items.ts';
import { renderEmailHtml, type EmailEdition } from '../lib/email/email-html.ts';
import { renderEmailText } from '../lib/email/email-text.ts';
import { footerParts } from '../lib/email/presets.ts';
import { formatDate } from '../lib/dates.ts';
import { minutesFor } from '../lib/site/articles.ts';
import { authorPath } from '../lib/site/authors.ts';
import { site } from '../site.config.ts';
import { siteUrlOf } from '../lib/hosting/base-path.ts';

/** Editions a build writes to /newsletter/ (see src/lib/email/editions-to-build.ts). */
export async function emailPaths() {
  const articles = await getPublishedArticles();
  return editionsToBuild(articles, site.feedItems, process.env.EMAIL_EDITIONS).map((article) => ({
    params: { slug: article.id },
    props: { article },
  }));
}

async function edition(article: Article): Promise<EmailEdition> {
  const url = articleUrl(article);
  const { data } = article;
  // Bylines with an entry in content/authors.yaml link to the author's page, as on the article page.
  const known = new Set((await getCollection('authors')).map((a) => a.data.name));
  const latest = (await getPublishedArticles())
    .filter((a) => a.id !== article.id && a.data.published <= data.published)
    .slice(0, 3);
  return {
    columnName: site.name,
    issue: data.issue,
    title: data.title,
    dek: data.dek,
    summary: data.summary,
    url,
    date: formatDate(data.published),
    authors: data.authors.map((name) => ({
      name,
      ...(known.has(name) ? { url: siteUrlOf(authorPath(name), site.url) } : {}),
    })),
    minutes: minutesFor(factsOf(article).words),
    ...(data.hero ? { hero: { src: siteUrlOf(data.hero.src, site.url), alt: data.hero.alt } } : {}),
    bodyHtml: await feedHtmlFor(article),
    subscribeUrl: siteUrlOf('/subscribe/', site.url),
    latest: latest.map((a) => ({ issue: a.data.issue, title: a.data.title, url: articleUrl(a) })),
    footer: footerParts(site.newsletter, { columnName: site.name, siteUrl: site.url, articleUrl: url }),
  };
}

export async function emailHtml(article: Article): Promise<string> {
  return renderEmailHtml(await edition(article));
}

export async function emailText(article: Article): Promise<string> {
  return renderEmailText(await edition(article));
}
