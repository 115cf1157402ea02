/**
 * The URL policy (../url-policy.ts) applied to what an author writes: links
 * and images in the body (Markdown, reference definitions and JSX
 * attributes), and the frontmatter's sources and hero image. The schema
 * already refuses a dangerous frontmatter address; here come the warnings
 * with their lines (plain http, a home page cited as a source) and every
 * address in the body.
 */
import type { Definition, Image, Link } from 'mdast';
import type { Diagnostic } from './diagnostic.ts';
import type { LintArticle, LintContext } from './context.ts';
import { nodesOf } from './tree-index.ts';
import { at, fieldLine, figureUses } from './rules.ts';
import { attributeValue, jsxElements, NOT_LITERAL } from './jsx-props.ts';
import { browserUrl, urlProblem, type UrlUse } from '../url-policy.ts';
import { homePageWarning, isHomePage } from '../figures/sources.ts';

/** JSX attributes that hold an address, and what the address is for. */
const URL_ATTRIBUTES: Record<string, UrlUse> = {
  href: 'link',
  src: 'image',
  srcset: 'image',
  poster: 'image',
  cite: 'link',
  action: 'link',
  formaction: 'link',
  data: 'link',
  background: 'image',
  ping: 'link',
  longdesc: 'link',
  'xlink:href': 'link',
};

/** A path (no scheme, not `//host`): images on this site are checked by missing-image, which knows public/. */
const isSitePath = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[/\\]{2}|^\/\\|^\\/.test(url);

/** Every address in the body, and the frontmatter's, against the policy. */
export function unsafeUrls(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const check = (raw: string, use: UrlUse, place: Pick<Diagnostic, 'file' | 'line' | 'column'>) => {
      if (use === 'image' && isSitePath(browserUrl(raw))) return;
      const problem = urlProblem(raw, use);
      if (problem)
        out.push({
          ...(problem.severity === 'warning' ? { httpUrl: browserUrl(raw) } : {}),
          severity: problem.severity,
          rule: rule(problem.severity),
          ...place,
          message: problem.message,
          fix: problem.fix,
        });
    };
    for (const node of nodesOf<Link | Definition>(a.tree, 'link', 'definition')) check(node.url, 'link', at(a, node));
    for (const node of nodesOf<Image>(a.tree, 'image')) check(node.url, 'image', at(a, node));
    for (const el of jsxElements(a.tree)) {
      // HTML elements only: a component's props mean what the component says (<PullQuote cite="Name">).
      if (!el.name || !/^[a-z]/.test(el.name)) continue;
      for (const attr of el.attributes) {
        if (attr.type !== 'mdxJsxAttribute') continue;
        const use = URL_ATTRIBUTES[attr.name.toLowerCase()];
        if (!use) continue;
        const place = at(a, attr.position ? attr : el);
        const value = attributeValue(attr);
        if (value === NOT_LITERAL || typeof value !== 'string') {
          out.push({
            severity: 'error',
            rule: 'unsafe-url',
            ...place,
            message: `<${el.name ?? ''}> has a computed ${attr.name}, which the check cannot read, so it cannot tell where it leads.`,
            fix: `Write the address as text: ${attr.name}="https://…".`,
          });
          continue;
        }
        const urls =
          attr.name.toLowerCase() === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) check(url, use, place);
      }
    }
    out.push(...frontmatterUrls(a, ctx));
  }
  return out;
}

const rule = (severity: 'error' | 'warning') => (severity === 'error' ? 'unsafe-url' : 'http-link');

/** Frontmatter: plain http sources and hero, and a home page given as a source. */
function frontmatterUrls(a: LintArticle, ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (path: Array<string | number>, message: string, fix: string, rule: string, httpUrl?: string) =>
    out.push({
      severity: 'warning',
      rule,
      file: a.file,
      line: fieldLine(a, path),
      message,
      fix,
      ...(httpUrl ? { httpUrl } : {}),
    });
  // A home page on a site whose piece a cited figure links to joins that figure's source group
  // (mergeSources), where the registry's own warning covers it: one mistake, one message.
  const citedHosts = () =>
    new Set(
      [...figureUses(a).map(([id]) => id), ...a.data.keyFigures].flatMap((id) => {
        const url = ctx.figures?.sourceUrlOf?.(id);
        return url ? [hostOf(url)] : [];
      }),
    );
  a.data.sources.forEach((s, i) => {
    const problem = urlProblem(s.url, 'source');
    if (problem?.severity === 'warning') warn(['sources', i, 'url'], problem.message, problem.fix, 'http-link', s.url);
    if (isHomePage(s.url) && !citedHosts().has(hostOf(s.url))) {
      const w = homePageWarning(`Source "${s.name}"`, s.url);
      warn(['sources', i, 'url'], w.message, w.fix.replace('`title:`', '`name:`'), 'frontmatter-source');
    }
  });
  if (a.data.hero) {
    const problem = urlProblem(a.data.hero.src, 'image');
    if (problem?.severity === 'warning')
      warn(['hero', 'src'], problem.message, problem.fix, 'http-link', a.data.hero.src);
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
