/**
 * Every site path the build publishes ("/figures/", "/rss.xml": what code and authors link, the same at
 * any address; src/lib/hosting/base-path.ts puts a link under the site's base path), from the routes
 * themselves: a static route file gives its one path, and each dynamic route's paths come from the same
 * functions its getStaticPaths uses (pagination, tag grouping, scorecard filters…). The link check reads
 * this, so an author can link any real page.
 */
import { articlePath } from '../slug.ts';
import { groupByTag, paginate, type Listed } from '../site/listing.ts';
import { companyOf } from '../outcomes/tracking.ts';
import { chartAssetsIn } from '../charts/assets.ts';
import { GENERATED_ENTRIES } from './host-headers.ts';
import { ICON_SIZES } from '../social/icon-sizes.ts';
import { authorPath } from '../site/authors.ts';

/** Files for hosts, served from the root under names Astro would otherwise skip. */
export const HOST_FILES = ['_headers', '_redirects'] as const;

export const SCORECARD_STATUSES = ['open', 'held', 'partly', 'missed'] as const;

/** The scorecard's filter pages: one per company with tracked outcomes, one per status. */
export function scorecardFilters(
  outcomes: ReadonlyArray<{ id: string }>,
): Array<{ kind: 'company' | 'status'; value: string }> {
  return [
    ...[...new Set(outcomes.map(companyOf))].map((value) => ({ kind: 'company' as const, value })),
    ...SCORECARD_STATUSES.map((value) => ({ kind: 'status' as const, value })),
  ];
}

/** What the dynamic routes are built from. */
export interface SiteInput {
  /** Published articles, newest first (`id` is the slug). */
  articles: readonly Listed[];
  pageSize: number;
  /** Tracked outcomes in published articles. */
  outcomes: ReadonlyArray<{ id: string }>;
  /** Names in content/authors.yaml (each has a page); none when the file is absent. */
  authors?: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Paths of each dynamic route, by its file under src/pages/; a pattern where the name carries a content hash. */
const DYNAMIC_ROUTES: Record<string, (input: SiteInput) => Array<string | RegExp>> = {
  'articles/[slug].astro': (i) => i.articles.map((a) => articlePath(a.id)),
  // Newsletter editions are written for `npm run email` and `npm run send` only, never published.
  'newsletter/[slug].html.ts': () => [],
  'newsletter/[slug].txt.ts': () => [],
  'page/[page].astro': (i) =>
    paginate(i.articles, i.pageSize)
      .slice(1)
      .map((p) => p.url),
  'tags/[tag]/index.astro': (i) => groupByTag(i.articles).map((g) => `/tags/${g.slug}/`),
  'tags/[tag]/rss.xml.ts': (i) => groupByTag(i.articles).map((g) => `/tags/${g.slug}/rss.xml`),
  'scorecard/[kind]/[value].astro': (i) => scorecardFilters(i.outcomes).map((f) => `/scorecard/${f.kind}/${f.value}/`),
  '[hostfile].ts': () => HOST_FILES.map((f) => `/${f}`),
  'icon-[size].png.ts': () => ICON_SIZES.map((size) => `/icon-${size}.png`),
  'authors/[author].astro': (i) => (i.authors ?? []).map(authorPath),
};

/** Files that integrations add beside the routes (the sitemap; social cards are patterns, below). */
const INTEGRATION_PATHS = GENERATED_ENTRIES.filter((e) => !e.dir).map((e) => `/${e.name}`);

/** The URL path of a static route file: `figures/index.astro` → `/figures/`, `rss.xml.ts` → `/rss.xml`, `404.astro` → `/404.html`. */
export function staticRoutePath(file: string): string {
  const f = file.replace(/\\/g, '/');
  if (f === '404.astro') return '/404.html';
  if (/\.(astro|md|mdx)$/.test(f)) {
    const page = f.replace(/\.(astro|md|mdx)$/, '');
    return page === 'index' ? '/' : `/${page.replace(/\/?index$/, '')}/`;
  }
  return `/${f.replace(/\.(ts|js)$/, '')}`;
}

/**
 * Every path the build produces from these route files (relative to
 * src/pages/). A dynamic route this module does not know is returned in
 * `unknownRoutes`, so a new route cannot make the link check wrong in silence.
 */
export function sitePaths(
  routeFiles: readonly string[],
  input: SiteInput,
): { paths: Set<string>; patterns: RegExp[]; unknownRoutes: string[] } {
  const paths = new Set<string>(INTEGRATION_PATHS);
  // Social cards, placed by the chart-assets integration: <slug>.<hash of what they show>.png (src/astro/social-cards.ts).
  const patterns: RegExp[] = [...input.articles.map((a) => a.id), 'site'].map(
    (name) => new RegExp(`^/og/${escapeRegExp(name)}\\.[0-9a-f]{16}\\.png$`),
  );
  const unknownRoutes: string[] = [];
  for (const file of routeFiles.map((f) => f.replace(/\\/g, '/'))) {
    if (!file.includes('[')) paths.add(staticRoutePath(file));
    else if (!DYNAMIC_ROUTES[file]) unknownRoutes.push(file);
    else
      for (const p of DYNAMIC_ROUTES[file](input)) {
        if (typeof p === 'string') paths.add(p);
        else patterns.push(p);
      }
  }
  return { paths, patterns, unknownRoutes };
}

/** Per-chart downloads and images (`/charts/chart-<hash>.csv`): named by the same pattern the chart-assets integration copies. */
export function isChartAsset(path: string): boolean {
  return chartAssetsIn(path).length > 0;
}
