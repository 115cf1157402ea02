/**
 * dist/_headers over the real build: every file the site serves gets exactly one Cache-Control value;
 * a year and `immutable` only where the file name carries a hash of its content; pages, feeds and
 * everything else revalidated. Every file gets exactly one Content-Security-Policy (two would be two
 * policies, both enforced), with 'wasm-unsafe-eval' only under /search/ and /pagefind/, and every page's
 * own policy (its meta element, what GitHub Pages serves) allows WebAssembly only on the search page.
 */
import { describe, expect, it } from 'vitest';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  headerValues,
  parseHeadersFile,
} from '../../src/lib/hosting/host-headers.ts';
import { distFiles } from '../helpers/dist-files.ts';
import { readDist, testDist } from '../helpers/project.ts';

/** The request path a host serves a file at (`articles/a/index.html` → `/articles/a/`). */
const requestPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** File names that carry a content hash: Vite's `name.<8+ chars>.ext` and font files, `chart-<16 hex>…` (SVG, feed PNG, data), social cards `<slug>.<16 hex>.png`. */
const HASHED = [
  /^_astro\/.+\.[A-Za-z0-9_-]{8,}\.(js|css)$/,
  /^_astro\/fonts\/[0-9a-f]{16}\.woff2$/,
  /^charts\/chart-[0-9a-f]{16}(-light\.png|\.svg|\.csv|\.json|\.woff2)$/,
  /^og\/[a-z0-9-]+\.[0-9a-f]{16}\.png$/,
];

describe('_headers caching', () => {
  const rules = parseHeadersFile(readDist('_headers'));
  const files = distFiles(testDist).filter((f) => f !== '_headers' && f !== '_redirects');

  it('covers a real build', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const kind of [/^_astro\//, /^charts\//, /^og\//, /\.html$/, /\.xml$/, /feed\.json$/])
      expect(
        files.some((f) => kind.test(f)),
        String(kind),
      ).toBe(true);
  });

  it('gives every served file exactly one Cache-Control value', () => {
    const wrong = files
      .map((f) => [f, headerValues(rules, requestPath(f), 'Cache-Control')] as const)
      .filter(([, v]) => v.length !== 1);
    expect(wrong.map(([f, v]) => `${f}: ${v.length === 0 ? 'no Cache-Control' : v.join(' + ')}`)).toEqual([]);
  });

  it('marks content-hashed files immutable for a year, and only those', () => {
    const immutable = files.filter((f) => headerValues(rules, requestPath(f), 'Cache-Control')[0] === CACHE_IMMUTABLE);
    expect(immutable.filter((f) => !HASHED.some((re) => re.test(f)))).toEqual([]);
    expect(files.filter((f) => HASHED.some((re) => re.test(f))).filter((f) => !immutable.includes(f))).toEqual([]);
    expect(immutable.some((f) => f.startsWith('og/'))).toBe(true);
    expect(immutable.some((f) => f.startsWith('charts/') && f.endsWith('.json'))).toBe(true);
  });

  it('revalidates pages, feeds, sitemaps and the search index on every request', () => {
    const short = files.filter(
      (f) => (/\.(html|xml|json|txt|csv)$/.test(f) && !f.startsWith('charts/')) || f.startsWith('pagefind/'),
    );
    expect(short.length).toBeGreaterThan(20);
    for (const f of short) expect(headerValues(rules, requestPath(f), 'Cache-Control'), f).toEqual([CACHE_REVALIDATE]);
    for (const p of ['/', '/rss.xml', '/atom.xml', '/feed.json', '/sitemap-index.xml', '/fonts.css'])
      expect(headerValues(rules, p, 'Cache-Control'), p).toEqual([CACHE_REVALIDATE]);
  });

  it('keeps the security headers on every path', () => {
    for (const f of files.slice(0, 200)) {
      expect(headerValues(rules, requestPath(f), 'X-Content-Type-Options'), f).toEqual(['nosniff']);
      expect(headerValues(rules, requestPath(f), 'X-Frame-Options'), f).toEqual(['DENY']);
    }
  });

  it("gives every served file one policy, allowing WebAssembly only where search runs, and the pages' own policies agree", () => {
    const wasmFiles: string[] = [];
    for (const f of files) {
      const policies = headerValues(rules, requestPath(f), 'Content-Security-Policy');
      expect(policies, f).toHaveLength(1);
      expect(policies[0], f).toContain("frame-ancestors 'none'");
      if (policies[0]!.includes("'wasm-unsafe-eval'")) wasmFiles.push(f);
    }
    expect(wasmFiles.length).toBeGreaterThan(2);
    expect(wasmFiles.filter((f) => !/^(search|pagefind)\//.test(f))).toEqual([]);
    expect(wasmFiles).toContain('search/index.html');
    expect(wasmFiles).toContain('pagefind/pagefind-worker.js');
    const metaWasm = files
      .filter((f) => f.endsWith('.html') && !f.startsWith('newsletter/'))
      .filter((f) => /<meta http-equiv="Content-Security-Policy" content="[^"]*wasm-unsafe-eval/.test(readDist(f)));
    expect(metaWasm).toEqual(['search/index.html']);
  });
});
