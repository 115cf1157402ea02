/** The newsletter edition of an article, from the same feed-safe HTML as the feeds. */
import { getPublishedArticles, type Article } from './published-articles.ts';
import { articleUrl, feedHtmlFor } from './feed-items.ts';
import { renderEmailHtml, type EmailEdition } from '../lib/email/email-html.ts';
import { htmlToPlainText } from '../lib/email/plain-text.ts';
import { formatDate } from '../lib/dates.ts';
import { site } from '../site.config.ts';

export async function emailPaths() {
  const articles = await getPublishedArticles();
  return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}

async function edition(article: Article): Promise<EmailEdition> {
  return {
    columnName: site.name,
    issue: article.data.issue,
    title: article.data.title,
    dek: article.data.dek,
    url: articleUrl(article),
    date: formatDate(article.data.published),
    authors: article.data.authors,
    bodyHtml: await feedHtmlFor(article),
  };
}

export async function emailHtml(article: Article): Promise<string> {
  return renderEmailHtml(await edition(article));
}

export async function emailText(article: Article): Promise<string> {
  const e = await edition(article);
  const header = `${e.columnName.toUpperCase()} · ISSUE ${e.issue}\n${e.date} · ${e.authors.join(', ')}\n\n${e.title}\n${'='.repeat(Math.min(e.title.length, 72))}`;
  const footer = `--\nRead this issue on the web: ${e.url}`;
  return `${header}\n\n${htmlToPlainText(e.bodyHtml)}\n${footer}\n`;
}
