/** The newsletter edition of an article, from the same feed-safe HTML as the feeds. */
import { editionsToBuild } from '../lib/email/editions-to-build.ts';
import { getPublishedArticles, type Article } from './published-articles.ts';
import { articleUrl, feedHtmlFor } from './feed-items.ts';
import { renderEmailHtml, type EmailEdition } from '../lib/email/email-html.ts';
import { renderEmailText } from '../lib/email/email-text.ts';
import { footerParts } from '../lib/email/presets.ts';
import { formatDate } from '../lib/dates.ts';
import { site } from '../site.config.ts';

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
  return {
    columnName: site.name,
    issue: article.data.issue,
    title: article.data.title,
    dek: article.data.dek,
    summary: article.data.summary,
    url,
    date: formatDate(article.data.published),
    authors: article.data.authors,
    bodyHtml: await feedHtmlFor(article),
    footer: footerParts(site.newsletter, { columnName: site.name, siteUrl: site.url, articleUrl: url }),
  };
}

export async function emailHtml(article: Article): Promise<string> {
  return renderEmailHtml(await edition(article));
}

export async function emailText(article: Article): Promise<string> {
  return renderEmailText(await edition(article));
}
