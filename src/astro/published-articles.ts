import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedArticles } from '../lib/site/articles.ts';
import { articleFacts, type ArticleFacts } from '../lib/content/article-facts.ts';
import { buildNow } from '../lib/build/build-env.ts';

export type Article = CollectionEntry<'articles'>;

/** The articles this build shows: no drafts or future dates in production; everything on the dev server. */
export async function getPublishedArticles(): Promise<Article[]> {
  const all = await getCollection('articles');
  return publishedArticles(all, { now: buildNow(), includeDrafts: import.meta.env.DEV });
}

const factsCache = new Map<string, { body: string; facts: ArticleFacts }>();

/** The article's facts (figures, series, headings, tracked rows, words), read from its body once per build (again on the dev server only when the body changed). */
export function factsOf(article: Article): ArticleFacts {
  const body = article.body ?? '';
  const hit = factsCache.get(article.id);
  if (hit && hit.body === body) return hit.facts;
  const facts = articleFacts(body, { file: article.filePath ?? article.id, slug: article.id });
  factsCache.set(article.id, { body, facts });
  return facts;
}
