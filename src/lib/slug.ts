import { transliterate } from 'transliteration';

/**
 * Article URLs come from file names: `2026-03-02-bytedance-capex.mdx` is
 * published at `/articles/bytedance-capex/`. The date prefix is dropped so that
 * rescheduling an article never changes its URL.
 */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(mdx|md)$/i, '');
  return slugify(base.replace(DATE_PREFIX, ''));
}

/**
 * Lower-case ASCII words joined by hyphens. Other scripts are transliterated
 * first (豆包 → dou-bao, Café → cafe); what has no Latin reading is dropped.
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Only words are transliterated: symbols such as ¥ or % are dropped, not spelt out.
      .replace(/[\p{L}\p{N}\p{M}]+/gu, (word) => (/[^a-zA-Z0-9]/.test(word) ? ` ${transliterate(word)} ` : word))
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}

/**
 * A tag's URL segment: its slug, or, for a tag with no Latin reading at all
 * (emoji, symbols), a stable `tag-` plus a hash of the tag, so every tag gets
 * a page and feeds.
 */
export function tagSlug(tag: string): string {
  return slugify(tag) || `tag-${fnv1a(tag.normalize('NFC').trim())}`;
}

export function tagPath(tag: string): string {
  return `/tags/${tagSlug(tag)}/`;
}

/** 32-bit FNV-1a as 8 hex digits: short, stable across runs and machines. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
