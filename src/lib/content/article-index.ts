/**
 * The published archive indexed once per build: figure id → articles and
 * tag → articles, each newest first, plus every article's position. Related
 * issues, figure back-links and neighbours are read from here. A page's
 * related issues come from the articles near it in each of its tags' and
 * figures' lists (RELATED_WINDOW on each side), so a page costs the same
 * however long those lists grow: a figure cited across the archive made the
 * whole lists quadratic (15 s of a 4,000-article build).
 */
import { tagSlug } from '../slug.ts';
import type { Listed } from '../site/listing.ts';

export interface ArticleIndex<T extends Listed> {
  /** The articles, newest first, as given. */
  articles: readonly T[];
  /** Articles citing each figure id, in archive order. */
  byFigure: ReadonlyMap<string, readonly T[]>;
  /** Articles under each tag slug (tags with the same slug are one tag, as on the tag pages), in archive order. */
  byTag: ReadonlyMap<string, readonly T[]>;
  /** Figure ids each article shows (as given by `figuresOf`). */
  figuresOf(item: T): readonly string[];
  /** Previous (older) and next (newer) issue. */
  neighbours(item: T): { older?: T; newer?: T };
  /**
   * Related issues: scored by shared tags (1 point each) and shared figures
   * (2 points each: sharing a number is a stronger link than sharing a
   * label). Ties go to the newer article, then to archive order. Articles
   * with no overlap are left out. Candidates are the RELATED_WINDOW articles
   * on each side of this one in each list (all of them while lists are short).
   */
  related(item: T, max?: number): T[];
}

/** How many articles on each side of an article, in each of its tags' and figures' lists, can be related issues. */
export const RELATED_WINDOW = 50;

/** Index `newestFirst` (the order pages list articles in); `figuresOf` is called once per article. */
export function indexArticles<T extends Listed>(
  newestFirst: readonly T[],
  figuresOf: (item: T) => readonly string[] = () => [],
): ArticleIndex<T> {
  const position = new Map<string, number>();
  const figures = new Map<string, readonly string[]>();
  const tagSlugs = new Map<string, string[]>();
  const byFigure = new Map<string, T[]>();
  const byTag = new Map<string, T[]>();
  newestFirst.forEach((item, i) => {
    position.set(item.id, i);
    const ids = [...new Set(figuresOf(item))];
    figures.set(item.id, ids);
    for (const id of ids) push(byFigure, id, item);
    const slugs = [...new Set(item.data.tags.map(tagSlug))];
    tagSlugs.set(item.id, slugs);
    for (const slug of slugs) push(byTag, slug, item);
  });

  return {
    articles: newestFirst,
    byFigure,
    byTag,
    figuresOf: (item) => figures.get(item.id) ?? [],
    neighbours(item) {
      const i = position.get(item.id);
      return i === undefined ? {} : { newer: newestFirst[i - 1], older: newestFirst[i + 1] };
    },
    related(item, max = 3) {
      const scores = new Map<T, number>();
      const at = position.get(item.id) ?? -1;
      const add = (list: readonly T[] | undefined, points: number) => {
        if (!list) return;
        // The list is in archive order: find where this article sits, then take its neighbours.
        let [lo, hi] = [0, list.length];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (position.get(list[mid]!.id)! < at) lo = mid + 1;
          else hi = mid;
        }
        const end = Math.min(list.length, lo + RELATED_WINDOW + 1);
        for (let i = Math.max(0, lo - RELATED_WINDOW); i < end; i++) {
          const x = list[i]!;
          if (x.id !== item.id) scores.set(x, (scores.get(x) ?? 0) + points);
        }
      };
      for (const slug of tagSlugs.get(item.id) ?? []) add(byTag.get(slug), 1);
      for (const id of figures.get(item.id) ?? []) add(byFigure.get(id), 2);
      return [...scores]
        .sort(
          ([a, sa], [b, sb]) =>
            sb - sa ||
            b.data.published.getTime() - a.data.published.getTime() ||
            position.get(a.id)! - position.get(b.id)!,
        )
        .slice(0, max)
        .map(([x]) => x);
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
