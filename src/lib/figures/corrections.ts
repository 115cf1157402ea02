import { startOfPartialDate } from './dates.ts';
import type { Figure, Revision } from './types.ts';

/** Revisions made after an article was published: the article shows each as a dated correction. */
export function correctionsAfter(figure: Pick<Figure, 'revisions'>, published: Date): Revision[] {
  return figure.revisions.filter((r) => startOfPartialDate(r.date).getTime() > published.getTime());
}

/** The latest correction date for a set of figures, which moves the article's "updated" date forward. */
export function latestCorrection(figures: ReadonlyArray<Pick<Figure, 'revisions'>>, published: Date): Date | undefined {
  const dates = figures.flatMap((f) => correctionsAfter(f, published)).map((r) => startOfPartialDate(r.date).getTime());
  return dates.length === 0 ? undefined : new Date(Math.max(...dates));
}
