/**
 * The checks an editor runs before an issue goes out, beyond Markdown syntax:
 * the outline (heading levels, empty headings, a paragraph turned into a
 * heading by a `---` under it), links without text, lengths that feeds,
 * social cards and search engines cut, tags that are one tag spelt two ways,
 * chart anchors used twice, alt text that says nothing, likelihoods that do
 * not add up, and a figure shown after a newer one replaced it.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Image, Link, Node, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from './diagnostic.ts';
import type { LintArticle, LintContext } from './context.ts';
import { nodesOf } from './tree-index.ts';
import { at, fieldLine, figureUses } from './rules.ts';
import { jsxElements, jsxProps, jsxStrings } from './jsx-props.ts';
import { chartAnchor } from '../charts/spec.ts';
import { tagPath, tagSlug as slugOfTag } from '../slug.ts';

/** The page's title is its one `#` heading: sections start at `##` and go down one level at a time. */
export function headingOutline(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    let previous: { depth: number; line?: number } = { depth: 1 };
    for (const h of nodesOf<Heading>(a.tree, 'heading')) {
      const place = at(a, h);
      const hashes = '#'.repeat(h.depth);
      if (!toString(h).trim() && !h.children.some((c) => c.type === 'image')) {
        out.push({
          severity: 'error',
          rule: 'heading',
          ...place,
          message: `This ${hashes} heading has no text: it would show as an empty line in the contents list and to screen readers.`,
          fix: `Write the heading's words after "${hashes} ", or delete the line.`,
        });
        continue;
      }
      if (h.depth === 1)
        out.push({
          severity: 'error',
          rule: 'heading',
          ...place,
          message: `"# ${toString(h)}" is a second page title: the article's title (from the frontmatter) is its only # heading.`,
          fix: `Start sections at ##: ## ${toString(h)}`,
        });
      else if (h.depth > previous.depth + 1)
        out.push({
          severity: 'error',
          rule: 'heading',
          ...place,
          message: `${hashes} skips a level after ${'#'.repeat(previous.depth)}${previous.line ? ` (line ${previous.line})` : ' (the title)'}: screen readers and the contents list read the outline from these levels.`,
          fix: `Make it ${'#'.repeat(previous.depth + 1)} ${toString(h)}.`,
        });
      previous = { depth: h.depth, line: place.line };
    }
  }
  return out;
}

/**
 * A paragraph with `---` right under it becomes a heading (Markdown's "setext" form), not a
 * paragraph followed by a rule: its text turns into a heading in the page and the contents list.
 */
export function accidentalHeadings(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const lines = a.text.split('\n');
    for (const h of nodesOf<Heading>(a.tree, 'heading')) {
      const start = h.position?.start.line;
      const end = h.position?.end.line;
      if (start === undefined || end === undefined || end === start) continue;
      const underline = lines[end + a.bodyLine - 2] ?? '';
      if (!/^\s{0,3}-+\s*$/.test(underline)) continue;
      out.push({
        severity: 'warning',
        rule: 'heading',
        ...at(a, h),
        message: `The --- on line ${end + a.bodyLine - 1} turns "${clip(toString(h))}" into a heading, not a paragraph followed by a line.`,
        fix: 'For a dividing line, leave a blank line before ---; for a heading, write ## and the heading instead.',
      });
    }
  }
  return out;
}

/** A link with no text cannot be seen or clicked; a screen reader reads out its address. */
export function emptyLinks(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const empty = (n: Node & { children?: Node[] }) =>
      !toString(n).trim() && !(n.children ?? []).some((c) => c.type === 'image' || c.type === 'mdxJsxTextElement');
    for (const link of nodesOf<Link>(a.tree, 'link'))
      if (empty(link))
        out.push({
          severity: 'error',
          rule: 'empty-link',
          ...at(a, link),
          message: `The link to ${link.url} has no text, so readers cannot see or click it.`,
          fix: `Put the words to click between the brackets: [the filing](${link.url}).`,
        });
    for (const el of jsxElements(a.tree))
      if (el.name === 'a' && empty(el) && !jsxStrings(el, 'aria-label').some((s) => s.trim()))
        out.push({
          severity: 'error',
          rule: 'empty-link',
          ...at(a, el),
          message: `<a href="${jsxStrings(el, 'href')[0] ?? ''}"> has no text, so readers cannot see or click it.`,
          fix: 'Put the words to click between <a …> and </a>, or write a Markdown link: [words](https://…).',
        });
  }
  return out;
}

/**
 * Where the summary and dek go, and how much of them is kept there: the summary is the meta and
 * og:description (search results show about 160 characters, X and Bluesky cards cut at 200); the dek
 * stands under the headline on the home page and opens each feed item, with the summary after it.
 */
export const TEXT_LIMITS = { summary: 200, dek: 200 } as const;

export function textLengths(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const field of ['summary', 'dek'] as const) {
      const text = a.data[field];
      const limit = TEXT_LIMITS[field];
      if (text.length <= limit) continue;
      const error = text.length > 2 * limit;
      out.push({
        severity: error ? 'error' : 'warning',
        rule: 'text-length',
        file: a.file,
        line: fieldLine(a, [field]),
        message: `The ${field} is ${text.length} characters; ${field === 'summary' ? 'search results show about 160 and social cards cut it at 200' : 'the home page, feeds and email show it in full under the headline, where more than 200 reads as a paragraph'}${error ? ', and this is more than twice that' : ''}.`,
        fix: `Say it in one sentence of at most ${limit} characters (cut "${clip(text.slice(limit - 20), 30)}"…); the details belong in the article.`,
      });
    }
  }
  return out;
}

/**
 * Tags that are one tag spelt two ways ("Capex", "capex ", "CAPEX"): they share a tag page and a feed,
 * but the article shows each as a chip, RSS lists each as a category, and the tag page takes whichever
 * spelling it saw first. The canonical spelling is the one most articles use.
 */
export function tagSpellings(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const slugs = new Map<string, string>();
  const tagSlug = (tag: string) => {
    let slug = slugs.get(tag);
    if (slug === undefined) slugs.set(tag, (slug = slugOfTag(tag)));
    return slug;
  };
  const uses = new Map<string, Map<string, number>>();
  for (const a of ctx.articles)
    for (const tag of new Set(a.data.tags)) {
      const spellings = uses.get(tagSlug(tag)) ?? new Map<string, number>();
      spellings.set(tag, (spellings.get(tag) ?? 0) + 1);
      uses.set(tagSlug(tag), spellings);
    }
  const canonical = (slug: string) => [...uses.get(slug)!].sort((x, y) => y[1] - x[1])[0]![0];
  for (const a of ctx.articles) {
    const seen = new Map<string, string>();
    a.data.tags.forEach((tag, i) => {
      const slug = tagSlug(tag);
      const line = () => fieldLine(a, ['tags', i]);
      const earlier = seen.get(slug);
      if (earlier !== undefined) {
        out.push({
          severity: 'error',
          rule: 'tag-spelling',
          file: a.file,
          line: line(),
          message: `Tags "${earlier}" and "${tag}" are one tag (${tagPath(tag)}): the article would show it twice.`,
          fix: `Keep one: "${canonical(slug)}".`,
        });
        return;
      }
      seen.set(slug, tag);
      const best = canonical(slug);
      const others = (uses.get(slug)!.get(best) ?? 0) - (best === tag ? 1 : 0);
      if (best !== tag)
        out.push({
          severity: 'error',
          rule: 'tag-spelling',
          file: a.file,
          line: line(),
          message: `Tag "${tag}" is spelt "${best}" in ${others} other article${others === 1 ? '' : 's'}: one tag page (${tagPath(tag)}) with two names, whichever it meets first.`,
          fix: `Write it "${best}".`,
        });
    });
  }
  return out;
}

/** Two charts with one anchor: links to the second land on the first, and the page has a duplicate id. */
export function duplicateChartIds(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const seen = new Map<string, number | undefined>();
    const headings = new GithubSlugger();
    const headingIds = new Set(nodesOf<Heading>(a.tree, 'heading').map((h) => headings.slug(toString(h))));
    for (const el of jsxElements(a.tree)) {
      if (el.name !== 'Chart') continue;
      const props = jsxProps(el.attributes);
      const id = chartAnchor({
        id: typeof props.id === 'string' ? props.id : undefined,
        title: typeof props.title === 'string' ? props.title : '',
      });
      const place = at(a, el);
      if (seen.has(id) || headingIds.has(id))
        out.push({
          severity: 'error',
          rule: 'duplicate-id',
          ...place,
          message: `This chart's anchor #${id} is already used by ${seen.has(id) ? `the chart on line ${seen.get(id)}` : 'a heading'}: links to it would land on the first.`,
          fix: `Give it its own id, e.g. id="${id.replace(/^chart-/, '')}-2", or its own title.`,
        });
      else seen.set(id, place.line);
    }
  }
  return out;
}

/** Alt text that tells a reader nothing: a file name, "image", or the caption said again. */
export function uselessAltText(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const useless = (alt: string, src: string, caption?: string) => {
    const text = alt.trim().toLowerCase();
    if (!text) return undefined; // image-alt reports a missing one
    const file = src.split(/[?#]/)[0]!.replace(/^.*\//, '').toLowerCase();
    if (text === file || text === file.replace(/\.[a-z0-9]+$/, '')) return `is its file name ("${alt}")`;
    if (/^(image|img|picture|photo|graphic|chart|figure|screenshot|logo|icon)( \d+)?$/.test(text))
      return `only says what it is ("${alt}"), not what it shows`;
    if (caption && caption.trim().toLowerCase() === text)
      return 'repeats the caption word for word, so screen readers read it twice';
    return undefined;
  };
  const report = (a: LintArticle, node: Node, src: string, why: string) =>
    out.push({
      severity: 'warning',
      rule: 'image-alt',
      ...at(a, node),
      message: `The alt text of ${src} ${why}.`,
      fix: 'Describe what the image shows for someone who cannot see it: "A wafer fab clean room, workers in white suits".',
    });
  for (const a of ctx.articles) {
    for (const img of nodesOf<Image>(a.tree, 'image')) {
      const why = useless(img.alt ?? '', img.url, img.title ?? undefined);
      if (why) report(a, img, img.url, why);
    }
    // <figure><img alt="…"/><figcaption>…</figcaption></figure>: the caption is the figcaption's text.
    const inFigure = new Set<Node>();
    for (const figure of jsxElements(a.tree).filter((el) => el.name === 'figure')) {
      const caption = jsxElements(figure).find((el) => el.name === 'figcaption');
      for (const img of jsxElements(figure).filter((el) => el.name === 'img')) {
        inFigure.add(img);
        const why = useless(
          jsxStrings(img, 'alt')[0] ?? '',
          jsxStrings(img, 'src')[0] ?? '',
          caption && toString(caption),
        );
        if (why) report(a, img, jsxStrings(img, 'src')[0] ?? '<img>', why);
      }
    }
    for (const img of jsxElements(a.tree))
      if (img.name === 'img' && !inFigure.has(img)) {
        const why = useless(
          jsxStrings(img, 'alt')[0] ?? '',
          jsxStrings(img, 'src')[0] ?? '',
          jsxStrings(img, 'title')[0],
        );
        if (why) report(a, img, jsxStrings(img, 'src')[0] ?? '<img>', why);
      }
  }
  return out;
}

/** A Likelihood column in percentages is one forecast: its rows must add up to 100%. */
export function likelihoodTotals(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const table of nodesOf<Table>(a.tree, 'table')) {
      const head = table.children[0]?.children.map((c) => toString(c).trim().toLowerCase()) ?? [];
      const column = head.findIndex((h, i) => i > 0 && /^(likelihood|probability|odds|chance)$/.test(h));
      if (column < 0) continue;
      const cells = table.children.slice(1).map((r) => (r.children[column] ? toString(r.children[column]).trim() : ''));
      const percents = cells.map((c) => /^(\d+(?:\.\d+)?)\s?%$/.exec(c)?.[1]);
      if (percents.some((p) => p === undefined)) continue; // words ("High") or a mix: not a forecast to add up
      const total = percents.reduce((s, p) => s + Number(p), 0);
      if (Math.abs(total - 100) <= 1) continue;
      out.push({
        severity: 'error',
        rule: 'likelihood',
        ...at(a, table),
        message: `The ${head[column]} column adds up to ${Number(total.toFixed(1))}% (${cells.join(' + ')}), not 100%: the scenarios are meant to cover every outcome.`,
        fix: 'Check the numbers; if the rows leave outcomes out, add a row for them ("Something else").',
      });
    }
  }
  return out;
}

/**
 * A figure shown after a newer one replaced it: another figure names it as its `previous` and was
 * published before this article. The reader would take the old number for the current one.
 */
export function supersededFigures(ctx: LintContext): Diagnostic[] {
  const figures = ctx.figures;
  if (!figures?.supersededBy) return [];
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const shown = new Map<string, Node | undefined>();
    for (const [id, node] of figureUses(a)) if (!shown.has(id)) shown.set(id, node);
    for (const id of a.data.keyFigures) if (!shown.has(id)) shown.set(id, undefined);
    const published = a.data.updated ?? a.data.published;
    for (const [id, node] of shown) {
      const newer = figures.supersededBy(id).find((n) => !shown.has(n.id) && n.date.getTime() <= published.getTime());
      if (!newer) continue;
      out.push({
        severity: 'warning',
        rule: 'superseded-figure',
        ...(node ? at(a, node) : { file: a.file, line: fieldLine(a, ['keyFigures']) }),
        message: `${id} was replaced by ${newer.id} (published ${newer.date.toISOString().slice(0, 10)}, before this article): readers would take the old number for the current one.`,
        fix: `Show <Fig id="${newer.id}" /> instead, or both ("from <Fig id="${id}" /> to <Fig id="${newer.id}" />").`,
      });
    }
  }
  return out;
}

function clip(text: string, max = 50): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
