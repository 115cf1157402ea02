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

/** Lower-case ASCII words joined by hyphens; anything else is dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}

export function tagPath(tag: string): string {
  return `/tags/${slugify(tag)}/`;
}
