/** The figures an article shows, and what they mean for its dates. */
import type { Article } from './published-articles.ts';
import { figureIdsInSource } from '../lib/figures/usage.ts';
import { latestCorrection } from '../lib/figures/corrections.ts';
import { lastModified } from '../lib/articles.ts';
import { registry } from './figures-registry.ts';

/** Ids of registered figures the article shows (key figures first, then in order of use). */
export function figuresOf(article: Article): string[] {
  const used = figureIdsInSource(article.body ?? '').figures;
  return [...new Set([...article.data.keyFigures, ...used])].filter((id) => id in registry.figures);
}

/** Last update: the article's own dates, moved forward by any later correction of a figure it shows. */
export function effectiveUpdated(article: Article): Date {
  const own = lastModified(article);
  const correction = latestCorrection(figuresOf(article).map((id) => registry.figures[id]!), article.data.published);
  return correction && correction > own ? correction : own;
}
