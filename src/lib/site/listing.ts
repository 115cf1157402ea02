/**
 * How the reader's site groups and pages articles: pagination, tags,
 * archive by month, table of contents. Pure functions over minimal article
 * shapes (neighbours and related issues: ./content/article-index.ts).
 */
import { tagSlug } from '../slug.ts';

export interface Listed {
  id: string;
  data: { title: string; published: Date; tags: string[]; issue: number };
}

export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

/** URL of home page `n`: `/` for the first, `/page/n/` after. */
export function homePageUrl(n: number): string {
  return n <= 1 ? '/' : `/page/${n}/`;
}

/** Split a newest-first list into pages of `size` (always at least one page). */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Page size must be a positive whole number, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * size, (i + 1) * size),
    url: homePageUrl(i + 1),
    prevUrl: i > 0 ? homePageUrl(i) : undefined,
    nextUrl: i + 1 < total ? homePageUrl(i + 2) : undefined,
  }));
}

export interface TagGroup<T> {
  tag: string;
  slug: string;
  items: T[];
}

/**
 * Tags in use, most used first then by name; tags that slug alike are merged
 * under the first spelling seen. The one grouping behind the tag index, the
 * tag pages, the tag feeds and the link check, so their URLs always agree.
 */
export function groupByTag<T>(
  items: readonly T[],
  tagsOf: (item: T) => readonly string[] = (item) => (item as unknown as Listed).data.tags,
): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  // Per-group membership in a set: `items.includes` would make a big tag quadratic.
  const members = new Map<string, Set<T>>();
  for (const item of items) {
    for (const tag of new Set(tagsOf(item))) {
      const slug = tagSlug(tag);
      const g = groups.get(slug) ?? { tag, slug, items: [] };
      const seen = members.get(slug) ?? new Set<T>();
      if (!seen.has(item)) g.items.push(item);
      seen.add(item);
      members.set(slug, seen);
      groups.set(slug, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.tag.localeCompare(b.tag));
}

export interface MonthGroup<T> {
  year: number;
  /** 1–12. */
  month: number;
  label: string;
  items: T[];
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Archive: newest month first, articles newest first within a month. */
export function groupByMonth<T extends Listed>(items: readonly T[]): MonthGroup<T>[] {
  const groups = new Map<string, MonthGroup<T>>();
  for (const item of [...items].sort((a, b) => b.data.published.getTime() - a.data.published.getTime())) {
    const d = item.data.published;
    const key = `${d.getUTCFullYear()}-${d.getUTCMonth()}`;
    const g = groups.get(key) ?? {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      label: monthName.format(d),
      items: [],
    };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** Table of contents: h2 and h3, shown only when the article has at least `min` h2 sections. */
export function tableOfContents(headings: readonly Heading[], min = 4): Heading[] {
  // The footnotes' heading is for screen readers only, not a section to jump to.
  const toc = headings.filter((h) => (h.depth === 2 || h.depth === 3) && h.slug !== 'footnote-label');
  return toc.filter((h) => h.depth === 2).length >= min ? toc : [];
}
