/**
 * What an article's MDX body says, read once per build: the figures and
 * series it cites, its section headings, its tracked outcome rows and its
 * word count. Every page, feed and index that needs one of these reads it
 * from here instead of rescanning bodies (rescanning every other article on
 * every article page made related issues quadratic in the archive).
 *
 * A fast scan of the source, not a full MDX parse: the content linter's
 * parser (src/lib/lint/) is the strict check that rejects malformed
 * components with file:line. Anything that already has the body text and
 * its position in the file (the linter included) can call `articleFacts`.
 */
import { trackedRowsIn, type TrackedOutcome } from '../outcomes/tracking.ts';

export interface ArticleFacts {
  /** Figure ids used in the body by `<Fig id>`, `<StatCard id>` and `<Chart figures={[…]}>`, in order of first use. */
  figures: string[];
  /** Series ids used by `<Chart series>`, in order of first use. */
  series: string[];
  /** Markdown headings (ATX `#`), outside code fences, in order. */
  headings: Array<{ depth: number; text: string; line: number }>;
  /** Outcome-table rows with a track tag (see src/lib/outcomes/tracking.ts). */
  tracked: TrackedOutcome[];
  /** Words outside tags, expressions and import lines. */
  words: number;
}

export interface FactsSource {
  /** File the body came from, for tracked rows' file:line. */
  file: string;
  slug: string;
  /** Line of the body's first line in the file (after the frontmatter). */
  bodyLine?: number;
}

const COMPONENT = /<(Fig|StatCard|Chart)\b([^>]*?)\/?>/gs;
const ATTR = /\b(id|figures|series)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g;
const QUOTED = /["']([^"']+)["']/g;
const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Figure and series ids cited by components in an MDX body. */
export function citedIds(body: string): { figures: string[]; series: string[] } {
  const figures = new Set<string>();
  const series = new Set<string>();
  for (const m of body.matchAll(COMPONENT)) {
    for (const a of m[2]!.matchAll(ATTR)) {
      const values = a[4] !== undefined ? [...a[4].matchAll(QUOTED)].map((x) => x[1]!) : [a[2] ?? a[3]!];
      if (a[1] === 'series') for (const v of values) series.add(v);
      else if (a[1] === 'figures' || m[1] !== 'Chart') for (const v of values) figures.add(v);
    }
  }
  return { figures: [...figures], series: [...series] };
}

/** Words a reader reads: tags, `{expressions}`, import lines and Markdown punctuation left out. */
export function wordCount(body: string): number {
  const text = body
    .replace(/^import .*$/gm, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#*_`|>-]/g, ' ');
  let words = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) words++;
  return words;
}

function headingsIn(body: string, bodyLine: number): ArticleFacts['headings'] {
  const out: ArticleFacts['headings'] = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, i) => {
    const f = FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const h = HEADING.exec(line);
    if (h && h[2]) out.push({ depth: h[1]!.length, text: h[2], line: bodyLine + i });
  });
  return out;
}

/** Read an article's body once into its facts. */
export function articleFacts(body: string, source: FactsSource): ArticleFacts {
  const bodyLine = source.bodyLine ?? 1;
  return {
    ...citedIds(body),
    headings: headingsIn(body, bodyLine),
    tracked: trackedRowsIn(body, source.file, source.slug, bodyLine),
    words: wordCount(body),
  };
}
