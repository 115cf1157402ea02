import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticles } from '../content/check-articles.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import type { ContentError } from '../errors.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { FigureIndex, LintArticle, LintContext } from './context.ts';
import { parseMdx } from './mdx-tree.ts';
import { articlesWithoutSources, badCharts, brokenInternalLinks, imagesWithoutAlt, scheduled, unknownComponents, unknownFigures, unusedFigures } from './rules.ts';
import { numbersMatchingFigures } from './prose-numbers.ts';

/** Pages the site always has, besides articles and tags. */
export const SITE_PATHS = ['/', '/tags/', '/archive/', '/figures/', '/search/', '/scorecard/', '/rss.xml', '/atom.xml', '/feed.json', '/figures.json', '/figures.csv', '/sitemap-index.xml'];

const RULES = [unknownComponents, badCharts, imagesWithoutAlt, articlesWithoutSources, brokenInternalLinks, unknownFigures, unusedFigures, numbersMatchingFigures, scheduled];

export interface LintResult {
  diagnostics: Diagnostic[];
  articles: LintArticle[];
}

/** Check every article in the project: frontmatter, MDX syntax, then the content rules. */
export function lintProject(root: string, opts: { now: Date; figures?: FigureIndex; chartLookup?: LintContext['chartLookup'] }): LintResult {
  const { articles: loaded, errors } = checkArticles(root);
  const diagnostics: Diagnostic[] = errors.map(fromContentError('frontmatter'));
  const articles: LintArticle[] = [];
  for (const a of loaded) {
    if (!a.data) continue;
    const split = splitFrontmatter(a.text);
    const tree = parseMdx(a.file, split.body, split.bodyStartLine);
    if ('type' in tree && tree.type === 'root') articles.push({ file: a.file, slug: a.slug, data: a.data, tree, bodyLine: split.bodyStartLine });
    else diagnostics.push(fromContentError('mdx-syntax')(tree as ContentError));
  }
  const ctx: LintContext = { articles, staticPaths: new Set([...SITE_PATHS, ...publicFiles(join(root, 'public'))]), figures: opts.figures, chartLookup: opts.chartLookup, now: opts.now };
  for (const rule of RULES) diagnostics.push(...rule(ctx));
  return { diagnostics, articles };
}

function fromContentError(rule: string) {
  return (e: ContentError): Diagnostic => ({ severity: 'error', rule, file: e.file, line: e.line, column: e.column, message: `${e.field ? `${e.field}: ` : ''}${e.detail}`, fix: e.fix });
}

function publicFiles(dir: string, prefix = '/'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? publicFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}
