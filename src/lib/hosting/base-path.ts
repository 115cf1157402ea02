/**
 * The one way a link to the site is written. Code and authors name a page by its site path ("/figures/",
 * "/rss.xml", "/articles/slug/"), the same whatever address the site is published at; `sitePath` turns it
 * into the URL path a reader requests, under the site's base path: "/" at the root of a domain,
 * "/ai-frontier/" for a GitHub Pages project site (https://user.github.io/ai-frontier/). `siteUrlOf` gives
 * the absolute URL (feeds, canonical links, email). Browser code passes Astro's BASE_URL to `withBase`.
 * No imports: pages, feeds and the browser bundle all use it.
 */

/** The path the site is served under, from its address, with slashes at both ends: "/" or "/ai-frontier/". */
export function basePath(siteUrl: string): string {
  const path = new URL(siteUrl).pathname.replace(/\/+$/, '');
  return `${path}/`;
}

/** Whether a link names a site path: root-relative ("/figures/"), not protocol-relative ("//cdn…"). */
const isSitePath = (href: string) => href.startsWith('/') && !href.startsWith('//');

/**
 * A site path as the URL path readers request: under `base` (a base path such as "/ai-frontier/"). A full
 * URL, a fragment, a mailto: or a relative path passes through unchanged. Give it site paths only: a path
 * already under the base would be put under it twice (a site path may itself start like the base).
 */
export function withBase(href: string, base: string): string {
  if (!isSitePath(href) || base === '/') return href;
  return `${base.replace(/\/$/, '')}${href}`;
}

/** A site path ("/rss.xml") as the URL path it is served at, for the site published at `siteUrl`. */
export function sitePath(href: string, siteUrl: string): string {
  return withBase(href, basePath(siteUrl));
}

/** A site path as an absolute URL: "https://user.github.io/ai-frontier/rss.xml". */
export function siteUrlOf(href: string, siteUrl: string): string {
  return new URL(sitePath(href, siteUrl), siteUrl).href;
}
