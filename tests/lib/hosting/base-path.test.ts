import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { basePath, sitePath, siteUrlOf, withBase } from '../../../src/lib/hosting/base-path.ts';

describe('base path', () => {
  it('is the path of the site address, with a slash at both ends', () => {
    expect(basePath('https://aifrontier.news')).toBe('/');
    expect(basePath('https://aifrontier.news/')).toBe('/');
    expect(basePath('https://user.github.io/ai-frontier')).toBe('/ai-frontier/');
    expect(basePath('https://user.github.io/ai-frontier/')).toBe('/ai-frontier/');
    expect(basePath('https://example.org/a/b//')).toBe('/a/b/');
  });
});

describe('site paths under the base', () => {
  const project = 'https://user.github.io/ai-frontier/';

  it('put a root-relative link under the base path, and leave every other link alone', () => {
    expect(sitePath('/figures/', project)).toBe('/ai-frontier/figures/');
    expect(sitePath('/', project)).toBe('/ai-frontier/');
    expect(sitePath('/rss.xml', 'https://user.github.io/ai-frontier')).toBe('/ai-frontier/rss.xml');
    expect(sitePath('/archive/#2025', project)).toBe('/ai-frontier/archive/#2025');
    for (const other of [
      'https://www.scmp.com/x',
      '//cdn.example.org/x',
      '#fig-a',
      'mailto:a@b.co',
      'figures/',
      '?q=1',
      '',
    ])
      expect(sitePath(other, project), other).toBe(other);
  });

  it('change nothing at the root of a domain', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(sitePath(`/${s}`, 'https://aifrontier.news')).toBe(`/${s}`);
      }),
    );
  });

  it('prefix every site path exactly once, even one that starts like the base', () => {
    expect(withBase('/archive/', '/archive/')).toBe('/archive/archive/');
    fc.assert(
      fc.property(
        fc.stringMatching(/^\/([a-z0-9._-][a-z0-9/._-]*)?$/),
        fc.stringMatching(/^\/[a-z0-9-]+\/$/),
        (path, base) => {
          expect(withBase(path, base)).toBe(base.slice(0, -1) + path);
        },
      ),
    );
  });

  it('give absolute URLs on the site’s own origin', () => {
    expect(siteUrlOf('/rss.xml', project)).toBe('https://user.github.io/ai-frontier/rss.xml');
    expect(siteUrlOf('/', 'https://user.github.io/ai-frontier')).toBe('https://user.github.io/ai-frontier/');
    expect(siteUrlOf('/figures.schema.json', 'https://aifrontier.news')).toBe(
      'https://aifrontier.news/figures.schema.json',
    );
  });
});
