/**
 * Which articles a build publishes and in what order. Pure functions over the
 * collection entries, so the rules are unit-tested without Astro.
 */
import { wordCount } from '../content/article-facts.ts';

export interface ArticleLike {
  id: string;
  data: { published: Date; updated?: Date; draft: boolean; issue: number; title: string };
  body?: string;
}

export interface PublishOptions {
  /** Build time: articles dated later are scheduled, not published. */
  now: Date;
  /** Dev server shows drafts (with a banner); production never does. */
  includeDrafts: boolean;
}

/** Published articles, newest first (ties broken by issue number). */
export function publishedArticles<T extends ArticleLike>(entries: readonly T[], opts: PublishOptions): T[] {
  return entries
    .filter((e) => isPublished(e, opts))
    .sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || b.data.issue - a.data.issue);
}

export function isPublished(entry: ArticleLike, opts: PublishOptions): boolean {
  if (entry.data.draft && !opts.includeDrafts) return false;
  if (entry.data.published.getTime() > opts.now.getTime() && !opts.includeDrafts) return false;
  return true;
}

/** Articles held back only because their date has not come yet. */
export function scheduledArticles<T extends ArticleLike>(entries: readonly T[], now: Date): T[] {
  return entries.filter((e) => !e.data.draft && e.data.published.getTime() > now.getTime());
}

const WORDS_PER_MINUTE = 230;

/** Minutes to read the MDX body: words outside tags and expressions, rounded up, at least 1. */
export function readingMinutes(body: string): number {
  return minutesFor(wordCount(body));
}

/** Minutes to read `words` words (an article's facts carry the count), rounded up, at least 1. */
export function minutesFor(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** The date shown as "last updated": the later of updated and published. */
export function lastModified(entry: ArticleLike): Date {
  return entry.data.updated && entry.data.updated > entry.data.published ? entry.data.updated : entry.data.published;
}
