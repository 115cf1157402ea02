import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonForScript, newsArticleJsonLd } from '../../../src/lib/site/seo.ts';

describe('jsonForScript', () => {
  it('can never close the script element, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = jsonForScript({ v, hostile: '</script><script>alert(1)</script><!--' });
        expect(s).not.toMatch(/<\/?script|<!--/i);
        expect(JSON.parse(s)).toEqual(
          JSON.parse(JSON.stringify({ v, hostile: '</script><script>alert(1)</script><!--' })),
        );
      }),
    );
  });
});

describe('newsArticleJsonLd', () => {
  it('describes a NewsArticle with ISO dates and authors', () => {
    const ld = newsArticleJsonLd({
      url: 'https://x/a/',
      title: 'T',
      description: 'D',
      published: new Date('2026-03-02'),
      modified: new Date('2026-03-05'),
      authors: ['A'],
      tags: ['t'],
      image: { url: 'https://x/og.png', width: 1200, height: 630, alt: 'x' },
      publisher: { name: 'P', url: 'https://x/', logo: 'https://x/logo.png' },
    });
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'T',
      datePublished: '2026-03-02T00:00:00.000Z',
      dateModified: '2026-03-05T00:00:00.000Z',
      author: [{ '@type': 'Person', name: 'A' }],
    });
  });
});
