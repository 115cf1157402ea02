import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedArticles } from '../lib/articles.ts';
import { buildNow } from '../lib/build-env.ts';

export type Article = CollectionEntry<'articles'>;

/** The articles this build shows: no drafts or future dates in production; everything on the dev server. */
export async function getPublishedArticles(): Promise<Article[]> {
  const all = await getCollection('articles');
  return publishedArticles(all, { now: buildNow(), includeDrafts: import.meta.env.DEV });
}
