/**
 * The one list of what an article's HTML may carry beyond the site: the
 * elements and attributes feed items and newsletter editions keep
 * (feed-html.ts removes everything else), which the content check also uses
 * for the tags an author may type (lint/components.ts), and which the tests
 * compare with what feed readers' sanitisers keep. Styles are not listed by
 * property: an inline style survives only when it is one the project's own
 * feed templates write (inline-styles.ts), so nothing an author or a figure
 * source types can position, hide or load anything.
 */
import { inlineStyles } from './inline-styles.ts';

/** Elements kept as they are (with their allowed attributes). */
export const FEED_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr b blockquote br caption cite code col colgroup dd del dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strong sub sup table tbody td tfoot th thead time tr u ul var'.split(
    ' ',
  ),
);

/** Elements the page uses that feeds carry in another shape: a picture's img, a disclosure's content (its summary as a bold line). */
export const FEED_REWRITTEN_ELEMENTS: ReadonlySet<string> = new Set(['picture', 'source', 'details', 'summary']);

/** Every element an article may contain: what feeds keep, and what they rewrite. */
export const ARTICLE_ELEMENTS: ReadonlySet<string> = new Set([...FEED_ELEMENTS, ...FEED_REWRITTEN_ELEMENTS]);

/** Attributes kept (feed readers' sanitisers strip role, aria-*, class and data-*). */
export const FEED_ATTRIBUTES: ReadonlySet<string> = new Set(
  'href src alt title width height style colspan rowspan scope id lang dir datetime cite start headers abbr'.split(' '),
);

/** Attributes holding a URL, made absolute (and checked) by the cleaner. */
export const FEED_URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

const collect = (o: object): string[] =>
  Object.values(o).flatMap((v: unknown) =>
    typeof v === 'string' ? [v] : typeof v === 'object' && v ? collect(v) : [],
  );

/** Every style attribute the feed templates write (src/lib/feeds/inline-styles.ts). */
export const TEMPLATE_STYLES: ReadonlySet<string> = new Set(collect(inlineStyles));

/** A chart legend's colour swatch: one text colour, as FeedChart writes it. */
const SWATCH = /^color:#[0-9a-f]{6}$/;

/** Whether a style attribute comes from the project's own feed templates. */
export function isTemplateStyle(style: string): boolean {
  return TEMPLATE_STYLES.has(style) || SWATCH.test(style);
}
