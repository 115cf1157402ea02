import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugFromFileName, slugify, tagPath } from '../../src/lib/slug.ts';

describe('slugFromFileName', () => {
  it('drops the date prefix and the extension', () => {
    expect(slugFromFileName('2026-03-02-bytedance-200-billion-ai-bet.mdx')).toBe('bytedance-200-billion-ai-bet');
    expect(slugFromFileName('content/articles/2025-10-27-tokens-versus-revenue.mdx')).toBe('tokens-versus-revenue');
    expect(slugFromFileName('no-date.mdx')).toBe('no-date');
  });
});

describe('slugify', () => {
  it('folds accents and punctuation', () => {
    expect(slugify('Café: ¥200 bn!')).toBe('cafe-200-bn');
    expect(tagPath('Token prices')).toBe('/tags/token-prices/');
  });

  it('always yields URL-safe text, idempotently', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const slug = slugify(s);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});
