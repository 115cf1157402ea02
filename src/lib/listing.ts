/**
 * How the reader's site groups and pages articles: pagination, tags,
 * archive by month, neighbours and related issues. Pure functions over
 * minimal article shapes.
 */
import { tagSlug } from './slug.ts';

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
export function groupByTag<T>(items: readonly T[], tagsOf: (item: T) => readonly string[] = (item) => (item as unknown as Listed).data.tags): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const item of items) {
    for (const tag of new Set(tagsOf(item))) {
      const slug = tagSlug(tag);
      const g = groups.get(slug) ?? { tag, slug, items: [] };
      if (!g.items.includes(item)) g.items.push(item);
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
    const g = groups.get(key) ?? { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, label: monthName.format(d), items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Previous (older) and next (newer) issue by publish date. */
export function neighbours<T extends Listed>(item: T, newestFirst: readonly T[]): { older?: T; newer?: T } {
  const i = newestFirst.findIndex((x) => x.id === item.id);
  if (i < 0) return {};
  return { newer: newestFirst[i - 1], older: newestFirst[i + 1] };
}

/**
 * Related issues: scored by shared tags (1 point each) and shared figures
 * (2 points each: sharing a number is a stronger link than sharing a label).
 * Ties go to the newer article. Articles with no overlap are left out.
 */
export function related<T extends Listed>(item: T, all: readonly T[], figuresOf: (x: T) => readonly string[] = () => [], max = 3): T[] {
  const tags = new Set(item.data.tags.map(tagSlug));
  const figures = new Set(figuresOf(item));
  return all
    .filter((x) => x.id !== item.id)
    .map((x) => ({
      x,
      score: x.data.tags.filter((t) => tags.has(tagSlug(t))).length + 2 * figuresOf(x).filter((f) => figures.has(f)).length,
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.x.data.published.getTime() - a.x.data.published.getTime())
    .slice(0, max)
    .map((s) => s.x);
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
