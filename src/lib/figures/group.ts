import type { Figure, Source } from './types.ts';

/** Figures grouped under their source (same name and URL), in first-seen order. */
export function groupBySource<F extends Pick<Figure, 'source'>>(
  figures: readonly F[],
): Array<{ source: Source; figures: F[] }> {
  const groups = new Map<string, { source: Source; figures: F[] }>();
  for (const f of figures) {
    const key = `${f.source.name}\u0000${f.source.url}`;
    const g = groups.get(key) ?? { source: f.source, figures: [] };
    g.figures.push(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}
