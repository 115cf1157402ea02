/**
 * The site's public address: feeds, canonical links, sitemaps, email
 * editions and social cards all build absolute URLs from it. It is set in
 * src/site.config.ts or with SITE_URL at build time (which wins). It may
 * carry a path (a GitHub Pages project site, https://<user>.github.io/<repo>/):
 * every link goes through src/lib/hosting/site-paths.ts, which puts it under
 * that path. A production build must not go out with the placeholder, nor
 * with an address the site cannot be served from (a query, a fragment,
 * credentials).
 */

import { contactProblem } from '../site/contact.ts';

/** The environment variable and build flag that allow the placeholder (local previews and tests only). */
export const ALLOW_PLACEHOLDER_ENV = 'ALLOW_PLACEHOLDER_URL';
export const ALLOW_PLACEHOLDER_FLAG = '--allow-placeholder-url';

/** SITE_URL when set and not blank, else the configured address. */
export function siteAddress(env: Record<string, string | undefined>, configured: string): string {
  const fromEnv = env.SITE_URL?.trim();
  return fromEnv ? fromEnv : configured;
}

/** Reserved names that can never be a real site (RFC 2606 / RFC 6761). */
export function isPlaceholderHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    /(^|\.)example\.(com|net|org)$/.test(host) ||
    /(^|\.)(example|invalid|test|localhost)$/.test(host) ||
    host === 'localhost'
  );
}

export function placeholderAllowed(env: Record<string, string | undefined>): boolean {
  return ['1', 'true', 'yes'].includes((env[ALLOW_PLACEHOLDER_ENV] ?? '').trim().toLowerCase());
}

const HOW_TO_SET =
  'Set SITE_URL (SITE_URL=https://<your domain> npm run build; in GitHub Actions, a repository variable named SITE_URL) or change `url` in src/site.config.ts.';

/**
 * Why this address cannot go into a production build, or undefined when it can.
 * A malformed address is always refused; the placeholder only when `allowPlaceholder` is false.
 */
export function siteAddressProblem(address: string, allowPlaceholder: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `The site address "${address}" is not a URL.\n  Fix: write it in full, like https://<your domain>. ${HOW_TO_SET}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `The site address "${address}" must start with https:// (or http://).\n  Fix: ${HOW_TO_SET}`;
  }
  if (url.search || url.hash || url.username || url.password) {
    return [
      `The site address "${address}" has a query, a fragment or credentials, which no page address can carry.`,
      `  Fix: give the address the site is served at, with its path if it has one (https://<user>.github.io/<repo>/). ${HOW_TO_SET}`,
    ].join('\n');
  }
  if (/[^A-Za-z0-9._~\-/]/.test(url.pathname) || /\/\//.test(url.pathname)) {
    return [
      `The site address "${address}" has a path with characters a base path cannot hold (${url.pathname}).`,
      `  Fix: serve the site under a path of letters, digits, dots, hyphens and underscores, like /ai-frontier/. ${HOW_TO_SET}`,
    ].join('\n');
  }
  if (!allowPlaceholder && isPlaceholderHost(url.hostname)) {
    return [
      `The site address is ${url.origin}, a placeholder: feeds, email editions, canonical links and social cards would all point at a site that does not exist.`,
      `  Fix: ${HOW_TO_SET}`,
      `  For a local preview or a test build, allow it explicitly: npm run build -- ${ALLOW_PLACEHOLDER_FLAG} (or ${ALLOW_PLACEHOLDER_ENV}=1).`,
    ].join('\n');
  }
  return undefined;
}

/**
 * Why the site's settings cannot go into a production build, or undefined when they can: a contact readers
 * cannot use, then an address the site cannot be published at. `npm run build` asks before its first step,
 * so the build stops at once; the Astro integration (src/integrations/site-address/) asks again for
 * `astro build` run alone.
 */
export function publishingProblem(
  site: { url: string; contact: string },
  allowPlaceholder: boolean,
): string | undefined {
  return contactProblem(site.contact) ?? siteAddressProblem(site.url, allowPlaceholder);
}
