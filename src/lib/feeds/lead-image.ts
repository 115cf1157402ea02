import type { FeedImage } from './model.ts';
import { siteUrlOf } from '../hosting/base-path.ts';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/** The MIME type of an image from its file name (PNG when the extension says nothing). */
export function imageType(src: string): string {
  const name = src.split(/[?#]/)[0]!;
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  return TYPES[ext] ?? 'image/png';
}

/**
 * An article's lead image for feed readers (thumbnails, cards): its hero when it
 * has one, else its social card (1200×630, at the content-hashed path the
 * caller names), which every published article has.
 */
export function leadImage(
  article: { cardPath: string; hero?: { src: string; alt: string }; cardAlt: string },
  siteUrl: string,
): FeedImage {
  const { hero } = article;
  if (hero) return { url: siteUrlOf(hero.src, siteUrl), alt: hero.alt, type: imageType(hero.src) };
  return {
    url: siteUrlOf(article.cardPath, siteUrl),
    alt: article.cardAlt,
    type: 'image/png',
    width: 1200,
    height: 630,
  };
}
