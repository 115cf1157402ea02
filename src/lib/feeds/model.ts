/** What every feed format is built from: one list of items, newest first. */
export interface FeedItem {
  /** Stable id: the article's canonical URL (never changes when the article is revised). */
  id: string;
  url: string;
  title: string;
  /** Dek and summary, shown by readers before the full content. */
  summary: string;
  /** Full article HTML, already made feed-safe (see feed-html.ts). */
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: string[];
  tags: string[];
  /** Optional lead image, absolute URL. */
  image?: string;
}

export interface Feed {
  title: string;
  description: string;
  /** Home page of the site, absolute. */
  siteUrl: string;
  /** URLs of this feed in each format, absolute. */
  urls: { rss: string; atom: string; json: string };
  language: string;
  items: FeedItem[];
}
