/** The figures an article shows, what they mean for its dates, and the archive indexed by figure and tag. */
import { factsOf, type Article } from './published-articles.ts';
import { latestCorrection } from '../lib/figures/corrections.ts';
import { lastModified } from '../lib/site/articles.ts';
import { indexArticles, type ArticleIndex } from '../lib/content/article-index.ts';
import { registry } from './figures-registry.ts';

/** Ids of registered figures the article shows (key figures first, then in order of use). */
export function figuresOf(article: Article): string[] {
  return [...new Set([...article.data.keyFigures, ...factsOf(article).figures])].filter((id) => id in registry.figures);
}

/** Last update: the article's own dates, moved forward by any later correction of a figure it shows. */
export function effectiveUpdated(article: Article): Date {
  const own = lastModified(article);
  const correction = latestCorrection(
    figuresOf(article).map((id) => registry.figures[id]!),
    article.data.published,
  );
  return correction && correction > own ? correction : own;
}

const indexes = new WeakMap<readonly Article[], ArticleIndex<Article>>();

/** The published archive (newest first) indexed by figure and tag; built once per list, so every article page shares one. */
export function archiveIndex(newestFirst: readonly Article[]): ArticleIndex<Article> {
  let index = indexes.get(newestFirst);
  if (!index) {
    index = indexArticles(newestFirst, figuresOf);
    indexes.set(newestFirst, index);
  }
  return index;
}
