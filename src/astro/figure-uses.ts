/** Which published articles use each figure (computed at build, for /figures/ back-links). */
import type { Article } from './published-articles.ts';
import { figuresOf } from './article-figures.ts';

export function usesByFigure(articles: readonly Article[]): Map<string, Article[]> {
  const uses = new Map<string, Article[]>();
  for (const a of articles) for (const id of figuresOf(a)) uses.set(id, [...(uses.get(id) ?? []), a]);
  return uses;
}
