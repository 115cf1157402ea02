/**
 * The `_headers` file that Netlify and Cloudflare Pages read: security headers for every path, and
 * caching by kind of file. Content-hashed files (Vite's `/_astro/*`, chart images and data, social
 * cards) never change under their name, so a CDN and browsers keep them for a year without asking
 * again; everything else (pages, feeds, sitemaps, the search index, fonts.css) is revalidated on every
 * request, so a new edition shows at once.
 *
 * Both hosts apply every rule whose path matches, joining a header set twice into one comma-separated
 * value; two Cache-Control rules on one path would contradict each other, and two Content-Security-Policy
 * values are two policies, both enforced (the stricter wins). So the rules never overlap: one per
 * top-level entry of the site, hashed folders excluded from the short-lived set, each with its
 * Cache-Control and its Content-Security-Policy ('wasm-unsafe-eval' only under /search/ and
 * /pagefind/, csp.ts). The headers that are the same everywhere (nosniff, Referrer-Policy,
 * X-Frame-Options) sit on `/*`, so a path no rule names, such as a missing page, still gets them.
 */
import { cspHeader, needsWasm } from './csp.ts';
import { withBase } from './base-path.ts';

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

/** Folders whose every file is named by a hash of its content. */
export const HASHED_FOLDERS = ['_astro', 'charts', 'og'];

/**
 * Top-level entries written after the pages are rendered: Pagefind's index and the sitemap integration's
 * files (named one by one: a `*` inside a path segment is read differently by different hosts; a second
 * sitemap file only comes past 45,000 pages, and the build test would name it).
 */
export const GENERATED_ENTRIES: TopLevelEntry[] = [
  { name: 'pagefind', dir: true },
  { name: 'sitemap-index.xml', dir: false },
  { name: 'sitemap-0.xml', dir: false },
];

export interface TopLevelEntry {
  /** As it appears at the top of the built site (after a page file's extension is dropped). */
  name: string;
  dir: boolean;
}

export interface HeaderRule {
  path: string;
  headers: Array<[string, string]>;
}

/**
 * What a file or folder in src/pages/ or public/ becomes at the top of the built site: a page
 * (`about.astro`, a folder) is a folder of the same name, an endpoint (`rss.xml.ts`) a file without
 * its `.ts`, `index.astro` the root and `404.astro` `404.html`. Dynamic names (`[slug].ts`) are unknown
 * before the build: undefined.
 */
export function siteEntry(name: string, isDir: boolean, from: 'pages' | 'public'): TopLevelEntry | 'root' | undefined {
  if (name.includes('[') || name.startsWith('.') || name.startsWith('_')) return undefined;
  if (isDir || from === 'public') return { name, dir: isDir };
  const endpoint = /^(.+\.[a-z0-9]+)\.(ts|js|mts|mjs)$/i.exec(name);
  if (endpoint) return { name: endpoint[1]!, dir: false };
  const page = /^(.+)\.(astro|md|mdx|html)$/i.exec(name);
  if (!page) return undefined;
  if (page[1] === 'index') return 'root';
  if (page[1] === '404') return { name: '404.html', dir: false };
  return { name: page[1]!, dir: true };
}

/** The Cache-Control rules for a site with these top-level entries (hostHeadersFile adds each one's policy). */
export function cacheRules(entries: ReadonlyArray<TopLevelEntry | 'root'>): HeaderRule[] {
  const immutable = HASHED_FOLDERS.map((f) => ({
    path: `/${f}/*`,
    headers: [['Cache-Control', CACHE_IMMUTABLE]] as Array<[string, string]>,
  }));
  const paths = new Set<string>();
  for (const e of entries) {
    if (e === 'root') paths.add('/');
    else if (!HASHED_FOLDERS.includes(e.name)) paths.add(e.dir ? `/${e.name}/*` : `/${e.name}`);
  }
  const short = [...paths]
    .sort()
    .map((path) => ({ path, headers: [['Cache-Control', CACHE_REVALIDATE]] as Array<[string, string]> }));
  return [...immutable, ...short];
}

/** Headers every path gets, whatever rule names it. */
export const SECURITY_HEADERS: ReadonlyArray<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * The whole `_headers` file; `signupAction` is the newsletter form's CSP source (src/lib/email/newsletter.ts), if
 * any; `base` the path the site is served under (its paths are written under it).
 */
export function hostHeadersFile(
  entries: ReadonlyArray<TopLevelEntry | 'root'>,
  signupAction?: string,
  base = '/',
): string {
  const security: HeaderRule = { path: '/*', headers: [...SECURITY_HEADERS] };
  const rules = cacheRules(entries).map((r) => ({
    path: r.path,
    headers: [...r.headers, ['Content-Security-Policy', cspHeader({ signupAction, wasm: needsWasm(r.path) })]] as Array<
      [string, string]
    >,
  }));
  const block = (r: HeaderRule) => [withBase(r.path, base), ...r.headers.map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return [
    '# Security headers for every path.',
    block(security),
    '',
    '# Content-hashed files: cached for a year, never revalidated.',
    ...rules.filter((r) => r.headers[0]![1] === CACHE_IMMUTABLE).map(block),
    '',
    '# Pages, feeds and everything else: revalidated on every request.',
    ...rules.filter((r) => r.headers[0]![1] !== CACHE_IMMUTABLE).map(block),
    '',
  ].join('\n');
}

/** Rules read back from a `_headers` file (comments and blank lines skipped). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const i = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    } else rules.push({ path: line.trim(), headers: [] });
  }
  return rules;
}

/** Whether a `_headers` path pattern matches a request path: `*` stands for any run of characters, `/` included. */
export function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(path);
}

/** The values a header gets on a path from every matching rule (more than one means the host would join them). */
export function headerValues(rules: HeaderRule[], path: string, header: string): string[] {
  return rules
    .filter((r) => pathMatches(r.path, path))
    .flatMap((r) => r.headers.filter(([k]) => k.toLowerCase() === header.toLowerCase()).map(([, v]) => v));
}
