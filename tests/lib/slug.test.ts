import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugFromFileName, slugify, tagPath, tagSlug } from '../../src/lib/slug.ts';

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

describe('tag slugs in any script', () => {
  it('transliterates tags written in Chinese (and other scripts)', () => {
    expect(tagPath('豆包')).toBe('/tags/dou-bao/');
    expect(tagPath('火山引擎')).toBe('/tags/huo-shan-yin-qing/');
    expect(tagPath('字节跳动 capex')).toBe('/tags/zi-jie-tiao-dong-capex/');
    expect(tagPath('Zürich')).toBe('/tags/zurich/');
  });

  it('gives a tag with no Latin reading a stable fallback, different per tag', () => {
    expect(tagSlug('🚀')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug('🚀')).toBe(tagSlug('🚀'));
    expect(tagSlug('🚀')).not.toBe(tagSlug('🛰️'));
  });

  it('never yields an empty or unsafe URL segment', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (tag) => {
        expect(tagSlug(tag)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });
});
