import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Node, Image, Heading, FootnoteDefinition, Link } from 'mdast';
import { nodesOf } from './tree-index.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { LintArticle, LintContext } from './context.ts';
import { articlePath } from '../slug.ts';
import { isChartAsset } from '../hosting/site-paths.ts';
import { nearest } from '../errors.ts';
import { MDX_COMPONENT_NAMES } from '../content/component-names.ts';
import { jsxAttribute, jsxElements, jsxProps, jsxStrings, hasNonLiteral } from './jsx-props.ts';
import { resolveChart, type ChartSpec, type FigureLookup } from '../charts/spec.ts';
import { ContentError } from '../errors.ts';
import { readYaml, type Path, type YamlText } from '../yaml-schema.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { importedNames } from './imports.ts';

const frontmatterYaml = new WeakMap<LintArticle, YamlText>();

/** The file line of a frontmatter field (`['sources', 0, 'url']`), for findings about the frontmatter. */
export function fieldLine(article: LintArticle, path: Path): number {
  let yaml = frontmatterYaml.get(article);
  if (!yaml) {
    const split = splitFrontmatter(article.text);
    yaml = readYaml(article.file, split.yaml, split.yamlStartLine);
    frontmatterYaml.set(article, yaml);
  }
  return yaml.lineOf(path);
}

/** Lines in mdast are relative to the body; messages count from the top of the file. */
export function at(article: LintArticle, node: Node): { file: string; line?: number; column?: number } {
  const p = node.position?.start;
  return { file: article.file, line: p ? p.line + article.bodyLine - 1 : undefined, column: p?.column };
}

/** Images need alt text: Markdown images and <img> alike. */
export function imagesWithoutAlt(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const node of nodesOf<Image>(a.tree, 'image')) {
      if (!node.alt?.trim())
        out.push({
          severity: 'error',
          rule: 'image-alt',
          ...at(a, node),
          message: `Image ${node.url} has no alt text.`,
          fix: 'Describe what the image shows: ![What it shows](…).',
        });
    }
    for (const el of jsxElements(a.tree)) {
      if (el.name === 'img' && !jsxStrings(el, 'alt').some((s) => s.trim()))
        out.push({
          severity: 'error',
          rule: 'image-alt',
          ...at(a, el),
          message: '<img> has no alt text.',
          fix: 'Add alt="…" describing the image.',
        });
    }
  }
  return out;
}

/** Every article names at least one source with a link (the schema demands the list; this checks the links). */
export function articlesWithoutSources(ctx: LintContext): Diagnostic[] {
  return ctx.articles
    .filter((a) => a.data.sources.length === 0)
    .map((a) => ({
      severity: 'error' as const,
      rule: 'no-sources',
      file: a.file,
      line: 1,
      message: 'The article lists no sources.',
      fix: 'Add a `sources:` list (name, url, date) to the frontmatter.',
    }));
}

/** Internal links must point at a page this build will publish, and fragments at a real heading. */
export function brokenInternalLinks(ctx: LintContext): Diagnostic[] {
  const anchors = new Map<string, Set<string>>();
  for (const a of ctx.articles) {
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    for (const h of nodesOf<Heading>(a.tree, 'heading')) ids.add(slugger.slug(toString(h)));
    for (const f of nodesOf<FootnoteDefinition>(a.tree, 'footnoteDefinition'))
      ids.add(`user-content-fn-${f.identifier}`);
    anchors.set(articlePath(a.slug), ids);
  }
  const pages = ctx.sitePaths;
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const check = (url: string, node: Node) => {
      if (!url.startsWith('/') && !url.startsWith('#')) return;
      if (url.startsWith('//')) return;
      const [pathPart = '', hash] = url.split('#');
      const path = pathPart === '' ? articlePath(a.slug) : pathPart;
      const normalised = /\.[a-z0-9]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
      if (!pages.has(normalised) && !ctx.sitePatterns.some((re) => re.test(normalised)) && !isChartAsset(normalised)) {
        const draft = ctx.articles.find((x) => articlePath(x.slug) === normalised);
        const why = draft
          ? ` ${draft.file} is a draft or scheduled, so the link would be dead when this article is published.`
          : '';
        out.push({
          severity: 'error',
          rule: 'broken-link',
          ...at(a, node),
          message: `Link to ${url} goes nowhere.${why}`,
          fix: draft
            ? 'Link to it once it is published, or remove the link.'
            : `Use an existing page, e.g. ${nearest(normalised, pages, 2).join(' or ')}.`,
        });
      } else if (hash && anchors.has(normalised) && !anchors.get(normalised)!.has(hash)) {
        out.push({
          severity: 'error',
          rule: 'broken-link',
          ...at(a, node),
          message: `Link to ${url}: the page has no heading #${hash}.`,
          fix: `Use one of: ${[...anchors.get(normalised)!]
            .slice(0, 5)
            .map((h) => `#${h}`)
            .join(', ')}.`,
        });
      }
    };
    for (const node of nodesOf<Link>(a.tree, 'link')) check(node.url, node);
    for (const el of jsxElements(a.tree))
      if (el.name === 'a') for (const href of jsxStrings(el, 'href')) check(href, el);
  }
  return out;
}

/** The three known ids nearest to a mistyped one, quoted: "a", "b", "c". */
const quotedNearest = (id: string, ids: readonly string[]) =>
  nearest(id, ids, 3)
    .map((x) => `"${x}"`)
    .join(', ');

/** Figure and series ids used in components must exist in the registry. */
export function unknownFigures(ctx: LintContext): Diagnostic[] {
  const figures = ctx.figures;
  if (!figures) return [];
  const known = new Set([...figures.figureIds, ...(figures.broken ?? [])]);
  const series = new Set([...figures.seriesIds, ...(figures.broken ?? [])]);
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const [id, node] of figureUses(a)) {
      if (!known.has(id))
        out.push({
          severity: 'error',
          rule: 'unknown-figure',
          ...at(a, node),
          message: `Unknown figure id "${id}".`,
          fix: `Did you mean ${quotedNearest(id, figures.figureIds)}? All ids are in content/figures/.`,
        });
    }
    for (const [id, node] of seriesUses(a)) {
      if (!series.has(id))
        out.push({
          severity: 'error',
          rule: 'unknown-series',
          ...at(a, node),
          message: `Unknown series id "${id}".`,
          fix: `Did you mean ${quotedNearest(id, figures.seriesIds)}?`,
        });
    }
    a.data.keyFigures.forEach((id, i) => {
      if (!known.has(id))
        out.push({
          severity: 'error',
          rule: 'unknown-figure',
          file: a.file,
          line: fieldLine(a, ['keyFigures', i]),
          message: `keyFigures names unknown figure "${id}".`,
          fix: `Did you mean ${quotedNearest(id, figures.figureIds)}?`,
        });
    });
  }
  return out;
}

/** Figure ids an article uses: <Fig id>, <StatCard id>, <Chart figures={[…]}>, keyFigures. */
export function figureUses(a: LintArticle): ReadonlyArray<[string, Node]> {
  let uses = figureUsesOf.get(a);
  if (uses) return uses;
  uses = [];
  for (const el of jsxElements(a.tree)) {
    if (el.name === 'Fig' || el.name === 'StatCard') for (const id of jsxStrings(el, 'id')) uses.push([id, el]);
    if (el.name === 'Chart') for (const id of jsxStrings(el, 'figures')) uses.push([id, el]);
  }
  figureUsesOf.set(a, uses);
  return uses;
}
/** Several rules ask for an article's figures: read once per article. */
const figureUsesOf = new WeakMap<LintArticle, Array<[string, Node]>>();

function seriesUses(a: LintArticle): Array<[string, Node]> {
  return jsxElements(a.tree)
    .filter((el) => el.name === 'Chart')
    .flatMap((el) => jsxStrings(el, 'series').map((id) => [id, el] as [string, Node]));
}

/** Figures in the registry that no article uses: maybe a typo in an article, maybe dead data. */
export function unusedFigures(ctx: LintContext): Diagnostic[] {
  const figures = ctx.figures;
  // While registry entries are broken, which figures they would use is not known: no guesses.
  if (!figures || (figures.broken?.size ?? 0) > 0) return [];
  const used = new Set<string>();
  // A figure counts as used when an article shows it, or when a shown figure is computed from it.
  const use = (id: string) => {
    if (used.has(id)) return;
    used.add(id);
    for (const input of figures.inputsOf(id)) use(input);
  };
  for (const a of ctx.articles) for (const id of [...figureUses(a).map(([x]) => x), ...a.data.keyFigures]) use(id);
  return figures.figureIds
    .filter((id) => !used.has(id))
    .map((id) => ({
      severity: 'warning' as const,
      rule: 'unused-figure',
      ...(figures.declaredAt(id) ?? { file: 'content/figures' }),
      message: `Figure "${id}" is not used by any article.`,
      fix: 'Use it with <Fig id="…"/>, or remove it if it is no longer needed.',
    }));
}

/** Future-dated articles: listed so the author knows what is queued. */
export function scheduled(ctx: LintContext): Diagnostic[] {
  return ctx.articles
    .filter((a) => !a.data.draft && a.data.published > ctx.now)
    .map((a) => ({
      severity: 'info' as const,
      rule: 'scheduled',
      file: a.file,
      line: fieldLine(a, ['published']),
      message: `Scheduled: publishes on ${a.data.published.toISOString().slice(0, 10)} (not in builds before then).`,
    }));
}

/** Capitalised tags must be one of the column's components (HTML tags in lower case are left to Astro). */
export function unknownComponents(ctx: LintContext): Diagnostic[] {
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const imported = importedNames(a);
    for (const el of jsxElements(a.tree)) {
      if (!el.name || !/^[A-Z]/.test(el.name) || known.has(el.name) || imported.has(el.name)) continue;
      out.push({
        severity: 'error',
        rule: 'unknown-component',
        ...at(a, el),
        message: `<${el.name}> is not one of the column's components.`,
        fix: `Did you mean <${nearest(el.name, MDX_COMPONENT_NAMES, 1)[0]}>? Available: ${MDX_COMPONENT_NAMES.join(', ')}.`,
      });
    }
  }
  return out;
}

/** Chart specs are checked before the build: type, data, lengths, values, ids — with the chart's line. */
export function badCharts(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const el of jsxElements(a.tree)) {
      if (el.name !== 'Chart') continue;
      const props = jsxProps(el.attributes);
      if (hasNonLiteral(props)) continue;
      // A chart drawn from a registry entry with an error: that error is the one message.
      const broken = ctx.figures?.broken;
      if (
        broken &&
        [...jsxStrings(el, 'figures'), ...jsxStrings(el, 'series'), ...jsxStrings(el, 'whole')].some((id) =>
          broken.has(id),
        )
      )
        continue;
      const where = at(a, el);
      try {
        // An author's props are untrusted data: resolveChart checks every field's type itself.
        resolveChart(props as unknown as ChartSpec, ctx.chartLookup ?? permissiveLookup, {
          file: a.file,
          line: where.line,
        });
      } catch (e) {
        if (!(e instanceof ContentError)) throw e;
        // A count mismatch is fixed in `labels`: point there rather than at `<Chart`.
        const labels = jsxAttribute(el, 'labels');
        const place = /\blabels\b/.test(e.detail) && labels?.position ? at(a, labels) : where;
        out.push({ severity: 'error', rule: 'bad-chart', ...place, message: e.detail, fix: e.fix });
      }
    }
  }
  return out;
}

/** Without the registry, ids cannot be checked here (unknownFigures does it when it can). */
const permissiveLookup: FigureLookup = {
  figure: (id) => ({
    id,
    label: id,
    value: 1,
    unit: 'count',
    scale: 'one',
    asOf: '2025',
    source: { name: '', url: '', date: '' },
    revisions: [],
    file: '',
    line: 0,
    text: { long: '1', short: '1' },
  }),
  series: (id) => ({
    id,
    label: id,
    unit: 'count',
    scale: 'one',
    points: [{ date: '2025', value: 1 }],
    source: { name: '', url: '', date: '' },
    file: '',
    line: 0,
  }),
  figureIds: () => [],
  seriesIds: () => [],
};

/** Figures past their review date, with the articles that show them: numbers a reader may no longer trust. */
export function staleFigures(ctx: LintContext): Diagnostic[] {
  const figures = ctx.figures;
  if (!figures) return [];
  const usedBy = new Map<string, Set<string>>();
  for (const a of ctx.articles)
    for (const [id] of figureUses(a)) {
      const files = usedBy.get(id);
      if (files) files.add(a.file);
      else usedBy.set(id, new Set([a.file]));
    }
  const out: Diagnostic[] = [];
  for (const id of figures.figureIds) {
    const due = figures.reviewDateOf(id);
    if (!due || due.getTime() >= ctx.now.getTime()) continue;
    const users = [...(usedBy.get(id) ?? [])];
    out.push({
      severity: 'warning',
      rule: 'stale-figure',
      ...(figures.declaredAt(id) ?? { file: 'content/figures' }),
      message: `Figure "${id}" was due for review on ${due.toISOString().slice(0, 10)}${users.length ? `; shown in ${users.join(', ')}` : ''}.`,
      fix: 'Check the source for a newer number: record it as a revision (revisions: [{date, from, to, reason}]) or set a later reviewBy.',
    });
  }
  return out;
}
