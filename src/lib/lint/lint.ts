import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticles } from '../inputs/check-articles.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { ContentError } from '../errors.ts';
import type { Diagnostic } from './diagnostic.ts';
import { sortDiagnostics } from './report.ts';
import type { FigureIndex, LintArticle, LintContext } from './context.ts';
import { parseMdx, parseMdxCached, TreeCache } from './mdx-tree.ts';
import {
  articlesWithoutSources,
  badCharts,
  brokenInternalLinks,
  imagesWithoutAlt,
  scheduled,
  staleFigures,
  unknownComponents,
  unknownFigures,
  unusedFigures,
} from './rules.ts';
import { numbersAgainstFigures } from './prose-numbers.ts';
import {
  ignoredChildren,
  inlineBlockComponents,
  lookalikeTags,
  outcomeTableStatuses,
  unknownProps,
} from './components.ts';
import { codeInText, duplicateDefinitions, lostTableCells, unresolvedReferences } from './lost-content.ts';
import {
  accidentalHeadings,
  duplicateChartIds,
  emptyLinks,
  headingOutline,
  likelihoodTotals,
  supersededFigures,
  tagSpellings,
  textLengths,
  uselessAltText,
} from './editorial.ts';
import { footnotes, missingImages, outcomeMarkers } from './markdown.ts';
import { unsafeUrls } from './urls.ts';
import { missingImports } from './imports.ts';
import { unsafeMarkup } from './raw-html.ts';
import { mergeTagsInContent } from './merge-tags.ts';
import { overdue, trackedRowsIn } from '../outcomes/tracking.ts';
import { readResolutions } from '../inputs/resolutions.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleData } from '../content/article-schema.ts';
import { publishedArticles } from '../site/articles.ts';
import { sitePaths } from '../hosting/site-paths.ts';
import { parseAuthors } from '../site/authors.ts';

const RULES = [
  missingImports,
  unknownComponents,
  lookalikeTags,
  unknownProps,
  inlineBlockComponents,
  badCharts,
  missingImages,
  footnotes,
  lostTableCells,
  duplicateDefinitions,
  unresolvedReferences,
  codeInText,
  ignoredChildren,
  outcomeMarkers,
  outcomeTableStatuses,
  imagesWithoutAlt,
  uselessAltText,
  headingOutline,
  accidentalHeadings,
  emptyLinks,
  textLengths,
  tagSpellings,
  duplicateChartIds,
  likelihoodTotals,
  supersededFigures,
  articlesWithoutSources,
  brokenInternalLinks,
  unsafeUrls,
  unsafeMarkup,
  unknownFigures,
  unusedFigures,
  numbersAgainstFigures,
  staleFigures,
  scheduled,
  mergeTagsInContent,
];

export interface LintResult {
  diagnostics: Diagnostic[];
  articles: LintArticle[];
}

/** Check every article in the project: frontmatter, MDX syntax, then the content rules. */
export function lintProject(
  root: string,
  opts: {
    now: Date;
    pageSize: number;
    figures?: FigureIndex;
    chartLookup?: LintContext['chartLookup'];
    /** Keep parsed article trees in this file between runs (by content hash, TreeCache); no cache when absent. */
    treeCacheFile?: string;
  },
): LintResult {
  const { articles: loaded, errors } = checkArticles(root);
  const diagnostics: Diagnostic[] = errors.map(fromContentError('frontmatter'));
  const articles: LintArticle[] = [];
  const trees = opts.treeCacheFile ? new TreeCache(opts.treeCacheFile) : undefined;
  for (const a of loaded) {
    if (!a.data) continue;
    const split = splitFrontmatter(a.text);
    const tree = trees
      ? parseMdxCached(a.file, split.body, split.bodyStartLine, trees)
      : parseMdx(a.file, split.body, split.bodyStartLine);
    if (tree instanceof ContentError) diagnostics.push(fromContentError('mdx-syntax')(tree));
    else articles.push({ file: a.file, slug: a.slug, data: a.data, tree, bodyLine: split.bodyStartLine, text: a.text });
  }
  trees?.save();
  const site = projectSitePaths(loaded, { ...opts, root });
  for (const route of site.unknownRoutes) {
    diagnostics.push({
      severity: 'error',
      rule: 'unknown-route',
      file: `src/pages/${route}`,
      message: 'The link check does not know which paths this route produces.',
      fix: 'Add it to DYNAMIC_ROUTES in src/lib/hosting/site-paths.ts, with the function its getStaticPaths uses.',
    });
  }
  const ctx: LintContext = {
    articles,
    root,
    staticPaths: new Set(publicFiles(join(root, 'public'))),
    sitePaths: site.paths,
    sitePatterns: site.patterns,
    figures: opts.figures,
    chartLookup: opts.chartLookup,
    now: opts.now,
  };
  for (const rule of RULES) diagnostics.push(...rule(ctx));
  diagnostics.push(...overdueOutcomes(root, loaded, opts.now));
  return { diagnostics: sortDiagnostics(diagnostics), articles };
}

/** The routes of this code base (src/pages/), as files relative to that folder. */
const PAGES_DIR = fileURLToPath(new URL('../../pages/', import.meta.url));
export function routeFiles(dir = PAGES_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.replace(/\\/g, '/'))
    .filter((f) => /\.(astro|ts|js|md|mdx)$/.test(f) && !f.split('/').some((part) => part.startsWith('_')));
}

/**
 * Every path the build will publish for these articles: the routes' paths for
 * the published articles, their tags and tracked outcomes, plus public/ files.
 */
export function projectSitePaths(
  loaded: ReadonlyArray<{ file: string; slug: string; text: string; data?: ArticleData }>,
  opts: { now: Date; pageSize: number; root?: string },
) {
  const published = publishedArticles(
    loaded.flatMap((a) => (a.data ? [{ id: a.slug, data: a.data, text: a.text, file: a.file }] : [])),
    { now: opts.now, includeDrafts: false },
  );
  const outcomes = published.flatMap((a) => {
    const split = splitFrontmatter(a.text);
    return trackedRowsIn(split.body, a.file, a.id, split.bodyStartLine);
  });
  const authorsFile = opts.root ? join(opts.root, 'content', 'authors.yaml') : undefined;
  const authors =
    authorsFile && existsSync(authorsFile) ? parseAuthors(readFileSync(authorsFile, 'utf8')).map((a) => a.name) : [];
  const site = sitePaths(routeFiles(), { articles: published, pageSize: opts.pageSize, outcomes, authors });
  if (opts.root) for (const f of publicFiles(join(opts.root, 'public'))) site.paths.add(f);
  return site;
}

function fromContentError(rule: string) {
  return (e: ContentError): Diagnostic => ({
    severity: 'error',
    rule,
    file: e.file,
    line: e.line,
    column: e.column,
    message: `${e.field ? `${e.field}: ` : ''}${e.detail}`,
    fix: e.fix,
  });
}

function publicFiles(dir: string, prefix = '/'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? publicFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Tracked predictions past their due date with no resolution recorded. */
function overdueOutcomes(
  root: string,
  loaded: Array<{ file: string; slug: string; text: string; data?: unknown }>,
  now: Date,
): Diagnostic[] {
  const parsed = readResolutions(root);
  const out: Diagnostic[] = parsed.errors.map(fromContentError('resolutions'));
  const tracked = loaded.flatMap((a) => {
    const split = splitFrontmatter(a.text);
    return trackedRowsIn(split.body, a.file, a.slug, split.bodyStartLine).map((o) => ({
      ...o,
      resolution: parsed.resolutions.get(o.id),
    }));
  });
  const seen = new Map<string, string>();
  for (const o of tracked) {
    const prior = seen.get(o.id);
    if (prior)
      out.push({
        severity: 'error',
        rule: 'duplicate-outcome',
        file: o.file,
        line: o.line,
        message: `Outcome id "${o.id}" is already tracked at ${prior}.`,
        fix: 'Give each tracked outcome its own id.',
      });
    seen.set(o.id, `${o.file}:${o.line}`);
  }
  for (const o of overdue(tracked, now)) {
    out.push({
      severity: 'warning',
      rule: 'overdue-outcome',
      file: o.file,
      line: o.line,
      message: `Outcome "${o.id}" was due on ${o.due} and has no resolution.`,
      fix: 'Record how it turned out in content/outcomes/resolutions.yaml (held, partly or missed, with date and note).',
    });
  }
  return out;
}
