/**
 * Reading a built site (a `dist/`-like folder) the way the gates and the
 * browser tests need it: which files and pages there are, what each page
 * references, which scripts it runs. Pages are discovered by walking the
 * folder, never listed by hand, so new page types are checked as they land.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { site } from '../../src/site.config.ts';

export type Element = T.Element;

/** The site's public URL: feeds, sitemaps and meta tags use it in absolute URLs (src/site.config.ts, or SITE_URL). */
export function siteUrl(): string {
  return site.url.replace(/\/+$/, '');
}

/** Every file below a built site, as sorted slash-separated paths relative to it. */
export function distFiles(dist: string, dir = dist): string[] {
  const files = readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? distFiles(dist, p) : [relative(dist, p).split(sep).join('/')];
  });
  return dir === dist ? files.sort() : files;
}

/** Newsletter editions are HTML files for mail clients (inline styles, 600 px, absolute URLs), not pages of the site. */
export const isMailEdition = (file: string): boolean => file.startsWith('newsletter/');

/** Every .html file, relative to dist. */
export function htmlFiles(dist: string): string[] {
  return distFiles(dist).filter((f) => f.endsWith('.html'));
}

/** `articles/x/index.html` → `/articles/x/`; `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** `/articles/x/` → `articles/x/index.html`; `/404.html` → `404.html`. */
export function fileOf(urlPath: string): string {
  const path = urlPath.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Site pages (every .html file except mail editions), as URL paths. */
export function sitePages(dist: string): string[] {
  return htmlFiles(dist)
    .filter((f) => !isMailEdition(f))
    .map(urlPathOf)
    .sort();
}

// --- HTML -------------------------------------------------------------------

export function parseHtml(html: string): T.Document {
  return parse(html);
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Every element, depth first, including the content of <template>. */
export function elements(root: T.ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        out.push(child);
        visit(child);
        if (child.tagName === 'template') visit((child as T.Template).content);
      }
    }
  };
  visit(root);
  return out;
}

export function textOf(node: T.ParentNode): string {
  return node.childNodes
    .map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : 'childNodes' in c ? textOf(c) : ''))
    .join('');
}

const JS_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
  'text/jscript',
  'application/x-javascript',
]);

/** A script element a browser would run (not JSON-LD, a chart config or another data block). */
export function isExecutableScript(el: Element): boolean {
  return el.tagName === 'script' && JS_TYPES.has((attr(el, 'type') ?? '').trim().toLowerCase());
}

export function executableScripts(doc: T.ParentNode): Element[] {
  return elements(doc).filter(isExecutableScript);
}

/** A page with a chart: any element carrying `data-chart` (the chart runtime hydrates it). */
export function hasChart(doc: T.ParentNode): boolean {
  return elements(doc).some((el) => attr(el, 'data-chart') !== undefined);
}

/** A page with the search form (it loads Pagefind's script and index on demand). */
export function hasSearch(doc: T.ParentNode): boolean {
  return elements(doc).some((el) => attr(el, 'data-search-form') !== undefined);
}

export interface PageInfo {
  /** Relative to dist, e.g. `articles/x/index.html`. */
  file: string;
  /** URL path, e.g. `/articles/x/`. */
  path: string;
  chart: boolean;
  search: boolean;
  doc: T.Document;
}

/** Parse every site page once. */
export function readPages(dist: string): PageInfo[] {
  return htmlFiles(dist)
    .filter((f) => !isMailEdition(f))
    .map((file) => {
      const doc = parseHtml(readFileSync(join(dist, file), 'utf8'));
      return { file, path: urlPathOf(file), chart: hasChart(doc), search: hasSearch(doc), doc };
    });
}

export interface Reference {
  /** Where it was found, e.g. `img[src]`, `link[rel=stylesheet][href]`, `text`. */
  where: string;
  url: string;
}

/** Attributes holding one URL, and the elements they matter on. */
const URL_ATTRS: Record<string, ReadonlySet<string> | '*'> = {
  href: '*', // a, area, link, base, and SVG <use>/<image> (href or xlink:href)
  'xlink:href': '*',
  src: '*',
  poster: new Set(['video']),
  data: new Set(['object']),
  action: new Set(['form']),
  formaction: new Set(['button', 'input']),
  cite: new Set(['blockquote', 'q', 'del', 'ins']),
};

/** Every URL a page references in markup: href, src, srcset/imagesrcset candidates, poster, … */
export function referencesIn(doc: T.ParentNode): Reference[] {
  const refs: Reference[] = [];
  for (const el of elements(doc)) {
    for (const a of el.attrs) {
      const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
      const scope = URL_ATTRS[name];
      if (scope && (scope === '*' || scope.has(el.tagName)) && a.value.trim() !== '') {
        const rel = el.tagName === 'link' ? `[rel=${attr(el, 'rel') ?? ''}]` : '';
        refs.push({ where: `${el.tagName}${rel}[${name}]`, url: a.value.trim() });
      }
      if (name === 'srcset' || name === 'imagesrcset') {
        for (const candidate of srcsetUrls(a.value)) refs.push({ where: `${el.tagName}[${name}]`, url: candidate });
      }
    }
  }
  return refs;
}

/** URLs of a srcset attribute ("a.png 1x, b.png 2x"); URLs may contain commas only when not followed by a space. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,$|^\s*,/)
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

/** Element ids and anchor names a fragment can point at. */
export function fragmentTargets(doc: T.ParentNode): Set<string> {
  const ids = new Set<string>();
  for (const el of elements(doc)) {
    const id = attr(el, 'id');
    if (id) ids.add(id);
    if (el.tagName === 'a' && attr(el, 'name')) ids.add(attr(el, 'name')!);
  }
  return ids;
}

/** The path the site is served under ("/", or "/repo/" for a site published at https://user.github.io/repo/). */
export function basePathOf(site = siteUrl()): string {
  return `${new URL(site).pathname.replace(/\/+$/, '')}/`;
}

/**
 * Resolve a reference found in `fromFile` to a path in the built folder ("/articles/x/"), or null when it
 * points elsewhere (another origin, mailto:, data:, …). A root-relative reference is read under the site's
 * base path; one outside it resolves to a path no file has ("/../outside-base…"), so it counts as dead.
 */
export function toSitePath(ref: string, fromFile: string, site = siteUrl()): string | null {
  if (ref.startsWith(`${site}/`) || ref === site) return ref.slice(site.length) || '/';
  // The site's own origin, but not under its path: a link that would leave the published site.
  const origin = new URL(site).origin;
  if (origin !== site && (ref.startsWith(`${origin}/`) || ref === origin))
    return `/../outside-base${ref.slice(origin.length)}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  const base = urlPathOf(fromFile);
  const dir = base.endsWith('/') ? base : posix.dirname(base) + '/';
  if (ref.startsWith('#') || ref.startsWith('?')) return `${base.split('?')[0]}${ref}`;
  if (ref.startsWith('/')) {
    const served = basePathOf(site);
    if (served === '/') return ref;
    return ref.startsWith(served) ? ref.slice(served.length - 1) : `/../outside-base${ref}`;
  }
  const [pathPart = '', ...rest] = ref.split(/(?=[?#])/);
  const joined = posix.normalize(posix.join(dir, pathPart));
  return `${joined}${pathPart.endsWith('/') && !joined.endsWith('/') ? '/' : ''}${rest.join('')}`;
}
