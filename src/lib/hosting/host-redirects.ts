/**
 * The `_redirects` file that Netlify and Cloudflare Pages read: addresses the site published once and
 * no longer does, each sent on (301) to what replaced it, so a reader's bookmark or a feed reader's
 * subscription follows instead of breaking. A host applies a rule only where no file answers the path.
 *
 * Syntax (both hosts): `from to status`, one rule a line; `:name` in `from` stands for one path
 * segment and is put back where `to` names it.
 */

import { withBase } from './base-path.ts';

export interface Redirect {
  from: string;
  to: string;
  status: number;
}

/**
 * Until 2026-11 each tag had a feed in three formats; each tag now has one, in RSS (as most
 * publishing platforms give a tag), which every feed reader reads. The site-wide feeds keep all three.
 */
export const REDIRECTS: readonly Redirect[] = [
  { from: '/tags/:tag/atom.xml', to: '/tags/:tag/rss.xml', status: 301 },
  { from: '/tags/:tag/feed.json', to: '/tags/:tag/rss.xml', status: 301 },
];

/** The `_redirects` file, its paths under `base`, the path the site is served under. */
export function hostRedirectsFile(redirects: readonly Redirect[] = REDIRECTS, base = '/'): string {
  return [
    '# Addresses the site no longer publishes, sent on to what replaced them.',
    ...redirects.map((r) => `${withBase(r.from, base)} ${withBase(r.to, base)} ${r.status}`),
    '',
  ].join('\n');
}

/** Rules read back from a `_redirects` file (comments and blank lines skipped; status 301 when left out). */
export function parseRedirectsFile(text: string): Redirect[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [from = '', to = '', status = '301'] = line.split(/\s+/);
      return { from, to, status: Number(status) };
    });
}

/** Where the first rule matching `path` sends it, placeholders filled in; undefined when none matches. */
export function redirectFor(
  rules: readonly Redirect[],
  path: string,
): { location: string; status: number } | undefined {
  const segments = path.split('/');
  for (const rule of rules) {
    const pattern = rule.from.split('/');
    if (pattern.length !== segments.length) continue;
    const values = new Map<string, string>();
    const matches = pattern.every((p, i) => {
      if (p.startsWith(':') && segments[i]) return values.set(p, segments[i]);
      return p === segments[i];
    });
    if (matches)
      return { location: rule.to.replace(/:[A-Za-z]\w*/g, (name) => values.get(name) ?? name), status: rule.status };
  }
  return undefined;
}
