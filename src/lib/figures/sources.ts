/**
 * Sources as readers see them: the publisher, the title of the cited piece
 * (linked to the piece itself) and its date, and a check that a source
 * points at the piece, not at the publisher's home page.
 */
import type { Source } from './types.ts';
import { urlProblem } from '../url-policy.ts';

/** Publisher and title of a source; older entries with only `name` ("Publisher, title") are split at the first comma. */
export function sourceParts(s: Pick<Source, 'name' | 'publisher' | 'title'>): { publisher: string; title?: string } {
  if (s.publisher) return { publisher: s.publisher, ...(s.title ? { title: s.title } : {}) };
  const comma = s.name.indexOf(', ');
  if (comma < 0) return { publisher: s.name, ...(s.title ? { title: s.title } : {}) };
  return { publisher: s.name.slice(0, comma), title: s.title ?? s.name.slice(comma + 2) };
}

/** A URL that names a site, not a piece on it: "https://www.scmp.com/", "https://idc.com". */
export function isHomePage(url: string | undefined): url is string {
  if (url === undefined) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash;
}

export interface SourceWarning {
  /** `source-home-page` or `http-source`. */
  rule: 'source-home-page' | 'http-source';
  file: string;
  line: number;
  message: string;
  fix: string;
}

/** The warning about a home page cited as a source ("Source "x"" or "The source of figure a.b" as `who`). */
export function homePageWarning(who: string, url: string): Pick<SourceWarning, 'message' | 'fix'> {
  return {
    message: `${who} links to ${url}, a home page, not the piece it cites.`,
    fix: 'Set `url:` to the article or report itself (and `title:` to its headline), so a reader can check the number; add `archived:` with a web-archive copy if the page may change.',
  };
}

/**
 * Warnings about declared sources (registry files, with their lines): a bare home page instead of
 * the cited piece, and plain http links (the URL policy's warning, ../url-policy.ts). `key` is a
 * named source's key, or "figure a.b" for an inline one.
 */
export function sourceWarnings(
  sources: ReadonlyArray<{ key: string; source: Source; file: string; line: number }>,
): SourceWarning[] {
  return sources.flatMap((s) => {
    const who = s.key.includes(' ') ? `The source of ${s.key}` : `Source "${s.key}"`;
    const out: SourceWarning[] = [];
    if (isHomePage(s.source.url))
      out.push({ rule: 'source-home-page', file: s.file, line: s.line, ...homePageWarning(who, s.source.url) });
    for (const url of [s.source.url, s.source.archived]) {
      const problem = url === undefined ? undefined : urlProblem(url, 'source');
      if (problem?.severity === 'warning')
        out.push({
          rule: 'http-source',
          file: s.file,
          line: s.line,
          message: `${who}: ${problem.message}`,
          fix: problem.fix,
        });
    }
    return out;
  });
}

/** An article's own frontmatter source (dates are Date objects there). */
export interface ArticleSource {
  name: string;
  url?: string;
  date: Date | string;
}

export interface SourceGroup<F> {
  source: Source;
  figures: F[];
}

/**
 * One list of sources per article: the sources of the figures it shows,
 * grouped, and the article's own sources merged into them. Two entries are
 * one source when they link to the same piece, or when one is only the
 * other's home page (same site): the piece wins, so a group always names
 * the most specific link. Order: first seen.
 */
export function mergeSources<F extends { source: Source }>(
  figures: readonly F[],
  articleSources: readonly ArticleSource[] = [],
): Array<SourceGroup<F>> {
  const groups: Array<SourceGroup<F>> = [];
  const host = (url: string | undefined) => {
    if (url === undefined) return undefined;
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return url;
    }
  };
  // Unlinked sources (no public address) are one source when they have the same name.
  const same = (a: Source, b: Source) =>
    a.url === undefined || b.url === undefined
      ? a.url === b.url && a.name === b.name
      : a.url === b.url || ((isHomePage(a.url) || isHomePage(b.url)) && host(a.url) === host(b.url));
  const add = (source: Source, figure?: F) => {
    let g = groups.find((x) => same(x.source, source));
    if (!g) groups.push((g = { source, figures: [] }));
    else if (isHomePage(g.source.url) && !isHomePage(source.url)) g.source = source;
    if (figure) g.figures.push(figure);
  };
  for (const f of figures) add(f.source, f);
  for (const s of articleSources)
    add({
      name: s.name,
      ...(s.url === undefined ? {} : { url: s.url }),
      date: typeof s.date === 'string' ? s.date : s.date.toISOString().slice(0, 10),
    });
  return groups;
}
