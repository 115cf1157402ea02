import type { Root } from 'mdast';
import type { ArticleData } from '../content/article-schema.ts';

/** One article as the linter sees it. */
export interface LintArticle {
  file: string;
  slug: string;
  data: ArticleData;
  tree: Root;
  /** Line of the body's first line in the file (after the frontmatter). */
  bodyLine: number;
  /** The whole file, for finding frontmatter lines. */
  text: string;
}

/** What the linter knows about the shared figures registry. */
export interface FigureIndex {
  figureIds: readonly string[];
  seriesIds: readonly string[];
  /**
   * Ids the registry declares but could not read (an error reported against the registry): not
   * unknown, and checks that need their values are skipped rather than reported a second time.
   */
  broken?: ReadonlySet<string>;
  /** Where each figure is declared, for "declared but unused". */
  declaredAt(id: string): { file: string; line?: number } | undefined;
  /** Figures a figure is computed from or compared with (formula inputs, `previous`). */
  inputsOf(id: string): readonly string[];
  /** When the figure is due for review (its reviewBy, or a default age after its as-of date). */
  reviewDateOf(id: string): Date | undefined;
  /** Figures that name this one as their `previous` (a newer number for the same thing), with the date they became public. */
  supersededBy?(id: string): ReadonlyArray<{ id: string; date: Date }>;
  /** The address of the piece a figure cites (its source's url). */
  sourceUrlOf?(id: string): string | undefined;
  /**
   * Figures with a value, in base units (¥200 bn → 2e11), for numbers typed by hand: with the label
   * and text readers see, the period of a rate and the `per` of a unit price.
   */
  numbers: ReadonlyArray<{
    id: string;
    unit: string;
    base: number;
    label?: string;
    text?: string;
    period?: string;
    per?: string;
  }>;
}

export interface LintContext {
  articles: LintArticle[];
  /** The project's root folder, for checks that look at files (imports). */
  root?: string;
  /** Files in public/, as site paths (`/images/fab.jpg`). */
  staticPaths: ReadonlySet<string>;
  /** Every path the build publishes: routes (articles, tags, feeds, pages, scorecard…) and public/ files. */
  sitePaths: ReadonlySet<string>;
  /** Paths named by a content hash (social cards): matched by pattern. */
  sitePatterns: readonly RegExp[];
  figures?: FigureIndex;
  /** The registry as charts read it, to check chart specs fully (unit mixes, series lengths). */
  chartLookup?: import('../charts/spec.ts').FigureLookup;
  now: Date;
}
