/**
 * Machine-readable descriptions of a page: JSON-LD for search engines and
 * Open Graph/Twitter tags for link previews.
 */
export interface ArticleSeo {
  url: string;
  title: string;
  description: string;
  published: Date;
  modified: Date;
  authors: string[];
  tags: string[];
  image: { url: string; width: number; height: number; alt: string };
  publisher: { name: string; url: string; logo: string };
}

/** schema.org NewsArticle. */
export function newsArticleJsonLd(a: ArticleSeo): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.title,
    description: a.description,
    datePublished: a.published.toISOString(),
    dateModified: a.modified.toISOString(),
    author: a.authors.map((name) => ({ '@type': 'Person', name })),
    keywords: a.tags,
    image: [{ '@type': 'ImageObject', url: a.image.url, width: a.image.width, height: a.image.height }],
    publisher: {
      '@type': 'Organization',
      name: a.publisher.name,
      url: a.publisher.url,
      logo: { '@type': 'ImageObject', url: a.publisher.logo },
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&`
 * become \u escapes so no string can close the element or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
