import { describe, expect, it } from 'vitest';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  cacheRules,
  headerValues,
  hostHeadersFile,
  parseHeadersFile,
  pathMatches,
  siteEntry,
} from '../../../src/lib/hosting/host-headers.ts';

describe('siteEntry', () => {
  it('maps src/pages and public names to what the build writes at the top of the site', () => {
    expect(siteEntry('index.astro', false, 'pages')).toBe('root');
    expect(siteEntry('404.astro', false, 'pages')).toEqual({ name: '404.html', dir: false });
    expect(siteEntry('search.astro', false, 'pages')).toEqual({ name: 'search', dir: true });
    expect(siteEntry('about.mdx', false, 'pages')).toEqual({ name: 'about', dir: true });
    expect(siteEntry('articles', true, 'pages')).toEqual({ name: 'articles', dir: true });
    expect(siteEntry('rss.xml.ts', false, 'pages')).toEqual({ name: 'rss.xml', dir: false });
    expect(siteEntry('figures.schema.json.ts', false, 'pages')).toEqual({ name: 'figures.schema.json', dir: false });
    expect(siteEntry('favicon.svg', false, 'public')).toEqual({ name: 'favicon.svg', dir: false });
  });

  it('leaves out dynamic names and host files', () => {
    expect(siteEntry('[hostfile].ts', false, 'pages')).toBeUndefined();
    expect(siteEntry('[slug].astro', false, 'pages')).toBeUndefined();
    expect(siteEntry('_redirects', false, 'public')).toBeUndefined();
  });
});

describe('pathMatches', () => {
  it('reads * as any run of characters, slashes included, and everything else literally', () => {
    expect(pathMatches('/_astro/*', '/_astro/fonts/a.woff2')).toBe(true);
    expect(pathMatches('/articles/*', '/articles/')).toBe(true);
    expect(pathMatches('/articles/*', '/articles')).toBe(false);
    expect(pathMatches('/*', '/sitemap-0.xml')).toBe(true);
    expect(pathMatches('/rss.xml', '/rssaxml')).toBe(false);
    expect(pathMatches('/', '/index/')).toBe(false);
  });
});

describe('cacheRules', () => {
  const entries = [
    'root' as const,
    { name: 'articles', dir: true },
    { name: 'og', dir: true },
    { name: 'rss.xml', dir: false },
    { name: 'sitemap-index.xml', dir: false },
  ];

  it('makes the hashed folders immutable and every other entry revalidated, one rule per path', () => {
    const rules = cacheRules(entries);
    expect(rules.map((r) => [r.path, r.headers[0]![1]])).toEqual([
      ['/_astro/*', CACHE_IMMUTABLE],
      ['/charts/*', CACHE_IMMUTABLE],
      ['/og/*', CACHE_IMMUTABLE],
      ['/', CACHE_REVALIDATE],
      ['/articles/*', CACHE_REVALIDATE],
      ['/rss.xml', CACHE_REVALIDATE],
      ['/sitemap-index.xml', CACHE_REVALIDATE],
    ]);
  });

  it('never gives a path two Cache-Control values (the hosts would join them into a contradiction)', () => {
    const rules = cacheRules(entries);
    for (const path of [
      '/',
      '/articles/a/',
      '/og/a.0123456789abcdef.png',
      '/_astro/x.js',
      '/charts/chart-1.png',
      '/rss.xml',
      '/sitemap-index.xml',
    ]) {
      expect(headerValues(rules, path, 'cache-control'), path).toHaveLength(1);
    }
  });
});

describe('hostHeadersFile', () => {
  const entries = [
    'root' as const,
    { name: 'articles', dir: true },
    { name: 'search', dir: true },
    { name: 'pagefind', dir: true },
    { name: 'rss.xml', dir: false },
  ];

  it('reads back as the headers for every path followed by the caching rules, each with its policy', () => {
    const rules = parseHeadersFile(hostHeadersFile(entries));
    expect(rules[0]!.path).toBe('/*');
    expect(rules[0]!.headers.map(([k]) => k)).toEqual(['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options']);
    expect(rules.slice(1).map((r) => [r.path, r.headers.map(([k]) => k)])).toEqual(
      cacheRules(entries).map((r) => [r.path, ['Cache-Control', 'Content-Security-Policy']]),
    );
    expect(headerValues(rules, '/articles/x/', 'Cache-Control')).toEqual([CACHE_REVALIDATE]);
    expect(headerValues(rules, '/articles/x/', 'X-Content-Type-Options')).toEqual(['nosniff']);
    // A path no rule names (a missing page) still may not be framed.
    expect(headerValues(rules, '/no-such-page', 'X-Frame-Options')).toEqual(['DENY']);
  });

  it("gives each path one policy, with 'wasm-unsafe-eval' only where search runs", () => {
    const rules = parseHeadersFile(hostHeadersFile(entries, 'https://forms.example.com/join'));
    for (const path of [
      '/',
      '/articles/a/',
      '/rss.xml',
      '/charts/chart-0123456789abcdef.svg',
      '/search/',
      '/pagefind/pagefind-worker.js',
    ]) {
      const policies = headerValues(rules, path, 'Content-Security-Policy');
      expect(policies, path).toHaveLength(1);
      expect(policies[0], path).toContain("frame-ancestors 'none'");
      expect(policies[0], path).toContain("form-action 'self' https://forms.example.com/join");
      expect(policies[0]!.includes("'wasm-unsafe-eval'"), path).toBe(
        path.startsWith('/search/') || path.startsWith('/pagefind/'),
      );
    }
  });
});

describe('hostHeadersFile under a base path', () => {
  it('writes every path pattern under the path the site is served at', () => {
    const rules = parseHeadersFile(
      hostHeadersFile(['root', { name: 'articles', dir: true }, { name: '_astro', dir: true }], undefined, '/repo/'),
    );
    expect(rules.every((r) => r.path.startsWith('/repo/'))).toBe(true);
    expect(headerValues(rules, '/repo/_astro/a.js', 'Cache-Control')).toEqual([CACHE_IMMUTABLE]);
    expect(headerValues(rules, '/repo/articles/x/', 'Cache-Control')).toEqual([CACHE_REVALIDATE]);
    expect(headerValues(rules, '/repo/', 'X-Content-Type-Options')).toEqual(['nosniff']);
    expect(headerValues(rules, '/articles/x/', 'Cache-Control')).toEqual([]);
  });
});
