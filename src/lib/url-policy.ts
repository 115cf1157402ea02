/**
 * One URL policy for every address an author or a registry file writes:
 * links and images in articles, frontmatter `sources` and `hero.src`, the
 * figures registry's sources and remote sheets. Allowed: `https:`, `http:`
 * (with a warning: readers are sent over an unencrypted connection),
 * `mailto:` for links, and paths on this site (`/articles/x/`, `#section`).
 * Everything else is refused with the reason and a fix: `javascript:`,
 * `vbscript:`, `data:`, `file:`, other schemes, protocol-relative `//host`
 * (and `/\host`, which browsers read the same way) and relative paths.
 *
 * Addresses are read as a browser reads them: tabs and newlines anywhere and
 * control characters or spaces around them are dropped first, so
 * `java\tscript:` is `javascript:`.
 */

import { z } from 'astro/zod';

/** Where an address is used: what it may be depends on it. */
export type UrlUse =
  /** A link in an article (Markdown or `<a href>`): a web page, an email address or a page of this site. */
  | 'link'
  /** An image in an article or the hero image: a web address or a file of this site. */
  | 'image'
  /** A source a reader can check (frontmatter `sources`, registry sources): a web page on another site. */
  | 'source'
  /** A remote figures sheet the build fetches: https (plain http only to this computer, for tests). */
  | 'remote';

export interface UrlFinding {
  severity: 'error' | 'warning';
  /** What is wrong, as a sentence naming the address. */
  message: string;
  fix: string;
}

/** The address as a browser reads it (WHATWG URL: tab and newline removed, C0 controls and spaces trimmed). */
export function browserUrl(raw: string): string {
  // eslint-disable-next-line no-control-regex -- the URL standard's own stripping
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Schemes whose link runs code or carries a document of its own. */
const ACTIVE = new Set(['javascript', 'vbscript', 'data', 'blob', 'file', 'filesystem']);

/**
 * What is wrong with `raw` used as `use`, or undefined when it is fine.
 * `http:` gives a warning (a remote sheet: an error, except to this computer).
 */
export function urlProblem(raw: string, use: UrlUse): UrlFinding | undefined {
  const url = browserUrl(raw);
  // eslint-disable-next-line no-control-regex -- control characters are shown escaped, as in the source
  const shown = /[\u0000-\u001f]/.test(raw) ? JSON.stringify(raw) : `"${raw}"`;
  const error = (message: string, fix: string): UrlFinding => ({ severity: 'error', message, fix });
  if (url === '') return error('The address is empty.', fixFor(use));
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // A path: on this site only when it starts with one slash; `//host` and `/\host` lead to another site.
    if (/^[/\\]{2}|^\/\\|^\\/.test(url))
      return error(
        `${shown} starts with two slashes, so it leads to another site (${url.replace(/^[/\\]+/, '')}) by whatever scheme the page was loaded with.`,
        `Write the full address, https://${url.replace(/^[/\\]+/, '')}, or a path on this site starting with one /.`,
      );
    if (use === 'source' || use === 'remote') return error(`${shown} is not a web address.`, fixFor(use));
    if (url.startsWith('/') || (use === 'link' && url.startsWith('#'))) return undefined;
    return error(
      `${shown} is a relative path: it would resolve against each page's own address, so it breaks on one page or another.`,
      use === 'image'
        ? 'Put the file in public/images/ and write its path from the site root, e.g. /images/chart.png.'
        : 'Write the path from the site root, e.g. /articles/some-title/, or the full https:// address.',
    );
  }
  if (ACTIVE.has(scheme))
    return error(
      `${shown} is a ${scheme}: address, which ${scheme === 'javascript' || scheme === 'vbscript' ? 'runs code when it is opened' : 'carries content of its own instead of pointing at a page'}; articles, feeds and email may not carry it.`,
      fixFor(use),
    );
  if (scheme === 'mailto') {
    if (use === 'link' && /^mailto:[^@\s]+@[^@\s]+$/i.test(url.split('?')[0]!)) return undefined;
    return use === 'link'
      ? error(`${shown} is not an email address link.`, 'Write it as mailto:name@example.org.')
      : error(
          `${shown} is an email address, not a ${use === 'image' ? 'picture' : 'page a reader can open'}.`,
          fixFor(use),
        );
  }
  if (scheme !== 'https' && scheme !== 'http')
    return error(
      `${shown} uses the ${scheme}: scheme; only https: addresses (and http:, mailto: for links) are allowed.`,
      fixFor(use),
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return error(`${shown} is not a valid address.`, fixFor(use));
  }
  const loopback = use === 'remote' && LOOPBACK.has(parsed.hostname);
  if (!parsed.hostname || (!parsed.hostname.includes('.') && !loopback))
    return error(`${shown} has no site name (a host such as example.org).`, fixFor(use));
  if (parsed.username || parsed.password)
    return error(
      `${shown} carries a user name or password before the site name, which hides where the link really goes.`,
      `Remove the part before @: https://${parsed.host}${parsed.pathname}${parsed.search}${parsed.hash}.`,
    );
  if (scheme === 'https') return undefined;
  const secure = `https://${url.slice(url.indexOf(':') + 3)}`;
  if (use === 'remote')
    return loopback
      ? undefined
      : error(
          `${shown} is plain http: the sheet could be changed on its way to the build.`,
          `Use its https:// address (${secure}), or keep a copy of the sheet in content/figures/.`,
        );
  return {
    severity: 'warning',
    message: `${shown} is plain http: readers on an https page, in feeds and in email are sent over an unencrypted connection.`,
    fix: `Use ${secure} if the site serves it.`,
  };
}

function fixFor(use: UrlUse): string {
  switch (use) {
    case 'link':
      return 'Link to an https:// address, a page of this site (/articles/some-title/) or mailto:name@example.org.';
    case 'image':
      return 'Put the image in public/images/ and write its path, e.g. /images/chart.png, or use its https:// address.';
    case 'source':
      return 'Write the https:// address of the piece you cite, e.g. https://www.example.org/2026/03/report.';
    case 'remote':
      return 'Write the https:// address of the sheet, e.g. https://example.org/data.csv.';
  }
}

/**
 * A schema field holding an address of this use: text, trimmed, refused with the policy's reason and
 * fix (read by schemaErrors in ../yaml-schema.ts). Warnings (plain http) are the linter's and the
 * registry's to report, with their lines.
 */
export function urlSchema(use: UrlUse, expected = 'Expected a web address') {
  return z
    .string({ error: expected })
    .trim()
    .superRefine((value, ctx) => {
      const problem = urlProblem(value, use);
      if (problem?.severity === 'error')
        ctx.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
    });
}
