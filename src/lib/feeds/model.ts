/** What every feed format is built from: one list of items, newest first. */
export interface FeedItem {
  /** Stable id: the article's canonical URL (never changes when the article is revised). */
  id: string;
  url: string;
  title: string;
  /** A teaser readers show before the content (an article's dek); the content does not repeat it. */
  summary?: string;
  /** Full article HTML, already made feed-safe (see feed-html.ts). */
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: string[];
  tags: string[];
  /** Optional lead image (the article's hero or its social card). */
  image?: FeedImage;
}

export interface FeedImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** MIME type, e.g. image/png. */
  type: string;
  width?: number;
  height?: number;
  /** Size of the file in bytes (RSS enclosure length, Atom link length, JSON Feed size_in_bytes). */
  bytes?: number;
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
  /** Large square icon (Atom `logo`, JSON Feed `icon`; 512 px), absolute. */
  icon?: string;
  /** Small square icon (RSS `image`, at most 144 px wide; Atom `icon`; JSON Feed `favicon`), absolute. */
  favicon?: string;
  /** The software that wrote the feed. */
  generator?: { name: string; uri: string };
  /** URL of an XSL stylesheet that makes the feed readable in a browser (same origin as the feed). */
  stylesheet?: string;
  /** WebSub hub URL readers may subscribe to; omitted when empty. */
  hub?: string;
}
