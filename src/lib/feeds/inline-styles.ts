/**
 * Inline styles for feed and email HTML: mail clients and feed readers drop
 * stylesheets and classes, so meaning must survive with these alone. Colours
 * are the light theme's, with AA contrast on white.
 *
 * Only properties that feed readers' sanitisers keep are used (the list the
 * W3C feed validator and feedparser share: no max-width, no text-transform,
 * shorthands with plain lengths, keywords and lower-case hex colours only),
 * widths go in attributes, and every background comes with its text colour so
 * a dark-mode reader never shows dark text on a dark page or light on light.
 */
const text = 'color:#1b1b1d';
const cell = 'padding:8px 10px;border:1px solid #d9d6ce;text-align:left;vertical-align:top';

export const inlineStyles = {
  table: 'border-collapse:collapse;width:100%;font-size:14px;line-height:1.4;margin:16px 0',
  th: `${cell};background-color:#f1efe9;${text};font-weight:bold`,
  td: cell,
  outcomeRow: {
    good: `background-color:#e5f3e8;${text}`,
    mixed: `background-color:#fbf0d9;${text}`,
    bad: `background-color:#fbe6e8;${text}`,
  },
  box: `border-left:4px solid #0a5f8a;background-color:#f1efe9;${text};padding:12px 16px;margin:16px 0`,
  boxTitle: 'margin:0 0 4px;font-weight:bold;font-size:13px;letter-spacing:0.05em;color:#0a5f8a',
  quote: 'margin:16px 0;padding:0 0 0 16px;border-left:3px solid #0a5f8a;font-size:20px;font-style:italic',
  caption: 'font-size:13px;color:#55565c;margin:4px 0 12px',
  figure: 'margin:16px 0',
  statValue: 'margin:0;font-size:28px;font-weight:bold;line-height:1.2',
  statLabel: 'margin:4px 0 0',
  /** Images: the width and height attributes size them; this lets them shrink with the reader's column. */
  image: 'display:block;width:100%;height:auto',
} as const;

/** Widest image a feed item or email carries, in CSS px (its width attribute). */
export const FEED_IMAGE_WIDTH = 600;

/** Width and height attributes for an image of the given size, no wider than FEED_IMAGE_WIDTH. */
export function fitWidth(width: number, height: number, max = FEED_IMAGE_WIDTH): { width: number; height: number } {
  if (width <= max) return { width, height };
  return { width: max, height: Math.round((height * max) / width) };
}
