import {
  getAttr,
  parseHtmlFragment,
  serializeHtml,
  setAttr,
  textContent,
  walkElements,
  type Element,
} from '../html/dom.ts';
import { mergeStyles, parseStyle, styleValue } from '../html/style.ts';
import { escapeHtml } from '../html/escape.ts';
import type { FooterParts } from './presets.ts';
import { inertNodes, inertText } from './merge-tags.ts';
import { stackWideTables } from './narrow-tables.ts';

/**
 * The newsletter edition: feed-safe article HTML placed in a single-column,
 * 600 px, table-based layout with every style inline — the shape that holds
 * in Gmail, Outlook and Apple Mail, which ignore <style> blocks to varying
 * degrees and never load our stylesheet. The one <style> block only adds a
 * dark palette for clients that honour `prefers-color-scheme` and tighter
 * spacing on phones; everything reads without it.
 */
export interface EmailEdition {
  columnName: string;
  issue: number;
  title: string;
  dek: string;
  /** One sentence shown by the inbox after the subject (the preheader). */
  summary: string;
  url: string;
  date: string;
  /** Bylines; those with a page on the site link there. */
  authors: Array<{ name: string; url?: string }>;
  /** Reading time, as the article page gives it. */
  minutes: number;
  /** The article's lead image (absolute URL), shown under the title when it has one. */
  hero?: { src: string; alt: string };
  /** Feed-safe body HTML (absolute URLs, no scripts). */
  bodyHtml: string;
  /** Where a reader who got this forwarded can subscribe. */
  subscribeUrl: string;
  /** The newest other issues, newest first (at most three are shown). */
  latest: Array<{ issue: number; title: string; url: string }>;
  footer: FooterParts;
}

export const EMAIL_WIDTH = 600;
/** Side padding in every client; clients that read the <style> block widen it to WIDE_PAD from 600 px up. */
const PAD = 16;
const WIDE_PAD = 24;
export const CONTENT_WIDTH = EMAIL_WIDTH - 2 * PAD;
/** The narrowest phone the edition is laid out for, in CSS px: nothing may be wider there. */
export const PHONE_WIDTH = 320;
/** Phones show about this many characters of a subject line. */
export const SUBJECT_MAX = 55;

const FONT = "font-family:Georgia,'Times New Roman',serif";
const UI = 'font-family:Helvetica,Arial,sans-serif';

/** The light palette and what each colour becomes in dark mode (text and backgrounds). */
export const DARK_TEXT: Record<string, string> = {
  '#1b1b1d': '#e9e7e2',
  '#55565c': '#b9b8b2',
  '#0a5f8a': '#8ccbf0',
};
export const DARK_BACKGROUND: Record<string, string> = {
  '#f1efe9': '#232326',
  '#ffffff': '#18181a',
  '#e5f3e8': '#173320',
  '#fbf0d9': '#3a2e10',
  '#fbe6e8': '#3f1c21',
};

/** Inline styles every element of a kind gets; the element's own style wins property by property. */
const ELEMENT_STYLES: Record<string, string> = {
  p: `${FONT};font-size:17px;line-height:1.6;color:#1b1b1d;margin:0 0 16px`,
  h2: `${UI};font-size:22px;line-height:1.25;color:#1b1b1d;margin:28px 0 10px`,
  h3: `${UI};font-size:18px;line-height:1.3;color:#1b1b1d;margin:22px 0 8px`,
  ul: `${FONT};font-size:17px;line-height:1.6;color:#1b1b1d;margin:0 0 16px;padding-left:24px`,
  ol: `${FONT};font-size:17px;line-height:1.6;color:#1b1b1d;margin:0 0 16px;padding-left:24px`,
  li: 'margin:0 0 6px',
  a: 'color:#0a5f8a;text-decoration:underline',
  blockquote: 'margin:16px 0;padding:0 0 0 16px;border-left:3px solid #0a5f8a',
  figure: 'margin:16px 0',
  figcaption: `${UI};font-size:13px;color:#55565c;margin:6px 0 0`,
  caption: `${UI};font-size:13px;color:#55565c;text-align:left;margin:4px 0 8px`,
  table: `${UI};border-collapse:collapse;width:100%;font-size:14px;color:#1b1b1d;margin:16px 0`,
  // Outlook for Windows does not pass a table's font on to its cells: each cell names its own.
  th: `${UI};font-size:14px;line-height:1.4;padding:6px 8px;border:1px solid #d9d6ce;text-align:left;vertical-align:top`,
  td: `${UI};font-size:14px;line-height:1.4;padding:6px 8px;border:1px solid #d9d6ce;text-align:left;vertical-align:top`,
  hr: 'border:0;border-top:1px solid #d9d6ce;margin:24px 0',
};

/** Elements Outlook for Windows does not know, as the ones it does. */
const OUTLOOK_NAMES: Record<string, string> = { figure: 'div', figcaption: 'p', section: 'div' };

/**
 * Give every element its inline style, mark colours for the dark palette, fit images into the
 * column, turn tables too wide for a phone into one block per row (narrow-tables.ts) and make
 * every merge-tag opener in the content inert (merge-tags.ts).
 */
export function inlineEmailStyles(html: string): string {
  const fragment = parseHtmlFragment(html);
  inertNodes(fragment);
  stackWideTables(fragment, PHONE_WIDTH - 2 * PAD);
  walkElements(fragment, (el) => {
    const base = ELEMENT_STYLES[el.tagName];
    const own = getAttr(el, 'style');
    if (base || own) setAttr(el, 'style', mergeStyles(base, own));
    if (el.tagName === 'img') fitImage(el);
    if (el.tagName === 'table') setAttr(el, 'width', '100%');
    const outlook = OUTLOOK_NAMES[el.tagName];
    if (outlook) el.tagName = el.nodeName = outlook;
    markColours(el);
  });
  return serializeHtml(fragment);
}

/**
 * Images keep width/height attributes within the column (Outlook sizes by them) and
 * shrink with the screen; with images blocked, the alt text box shrinks the same way.
 */
function fitImage(img: Element): void {
  let width = Number(getAttr(img, 'width'));
  let height = Number(getAttr(img, 'height'));
  if (!(width > 0)) width = CONTENT_WIDTH;
  if (width > CONTENT_WIDTH) {
    if (height > 0) height = Math.round((height * CONTENT_WIDTH) / width);
    width = CONTENT_WIDTH;
  }
  setAttr(img, 'width', String(width));
  if (height > 0) setAttr(img, 'height', String(height));
  setAttr(
    img,
    'style',
    mergeStyles(
      getAttr(img, 'style'),
      // A thin frame, so a light chart reads as a card, not a glaring box, on a dark page.
      `display:block;width:100%;max-width:${width}px;height:auto;border:1px solid #d9d6ce;${UI};font-size:13px;color:#55565c`,
    ),
  );
}

/** data-fg / data-bg name an element's light colours so the dark palette can swap them. */
function markColours(el: Element): void {
  const style = getAttr(el, 'style');
  if (!style) return;
  const fg = styleValue(style, 'color')?.toLowerCase();
  const bg = (styleValue(style, 'background-color') ?? styleValue(style, 'background'))?.toLowerCase();
  if (fg && DARK_TEXT[fg]) setAttr(el, 'data-fg', fg.slice(1));
  if (bg && DARK_BACKGROUND[bg]) setAttr(el, 'data-bg', bg.slice(1));
}

/**
 * Colours used in an edition's body that have no dark counterpart (a test keeps this
 * empty). Legend swatches (a lone ■ in a series colour) read on both backgrounds as they are.
 */
export function coloursWithoutDarkPalette(html: string): string[] {
  const missing = new Set<string>();
  walkElements(parseHtmlFragment(html), (el) => {
    for (const [p, v] of parseStyle(getAttr(el, 'style'))) {
      const value = v.toLowerCase();
      if (p === 'color' && !DARK_TEXT[value] && textContent(el).trim() !== '■')
        missing.add(`<${el.tagName}> color:${v}`);
      if ((p === 'background' || p === 'background-color') && !DARK_BACKGROUND[value])
        missing.add(`<${el.tagName}> ${p}:${v}`);
    }
  });
  return [...missing];
}

/**
 * The inline layout is the phone's (it must hold where the <style> block is dropped); clients
 * that read this give wide screens more room. Words are never broken to fit.
 */
export const WIDE_CSS = `@media (min-width:600px){[data-pad]{padding-left:${WIDE_PAD}px!important;padding-right:${WIDE_PAD}px!important}}`;

function darkPaletteCss(): string {
  const text = Object.entries(DARK_TEXT).map(
    ([light, dark]) => `[data-fg="${light.slice(1)}"]{color:${dark}!important}`,
  );
  const bg = Object.entries(DARK_BACKGROUND).map(
    ([light, dark]) => `[data-bg="${light.slice(1)}"]{background-color:${dark}!important}`,
  );
  return `:root{color-scheme:light dark}\n@media (prefers-color-scheme:dark){\n${[...bg, ...text].join('\n')}\n}\n${WIDE_CSS}`;
}

/** Hidden inbox preview text, padded with invisible characters so no body text follows it in the preview. */
function preheader(text: string): string {
  // Outlook desktop may show a display:none block; the conditional comment hides it from Outlook alone.
  return `<!--[if !mso]><!--><div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden">${escapeHtml(text)}${'&#847;&zwnj;&nbsp;'.repeat(90)}</div><!--<![endif]-->`;
}

/** The subject line: the issue number first while it fits a phone's ~55 characters, else the title alone. */
export function editionSubject(issue: number, title: string): string {
  const numbered = `#${issue}: ${title}`;
  return inertText(numbered.length <= SUBJECT_MAX ? numbered : title);
}

/** A warning when a subject is longer than phones show, or undefined. */
export function subjectWarning(subject: string): string | undefined {
  const length = [...subject].length;
  if (length <= SUBJECT_MAX) return undefined;
  return `The subject "${subject}" is ${length} characters; phones show about ${SUBJECT_MAX}, so it will be cut.\n  Fix: shorten the title (or set the subject by hand in the email service before sending).`;
}

/** A link in the edition's own furniture: the link colour, or the muted one for bylines. */
const link = (href: string, text: string, colour: '0a5f8a' | '55565c' = '0a5f8a') =>
  `<a href="${escapeHtml(href)}" data-fg="${colour}" style="color:#${colour};text-decoration:underline">${text}</a>`;

function small(body: string, margin = '0 0 8px'): string {
  return `<p data-fg="55565c" style="${UI};font-size:13px;line-height:1.5;color:#55565c;margin:${margin}">${body}</p>`;
}

/** "More from …": the newest other issues, as Ghost and Substack end an edition. */
function latestHtml(e: EmailEdition): string {
  const items = e.latest.slice(0, 3);
  if (items.length === 0) return '';
  const t = (s: string) => escapeHtml(inertText(s));
  const li = items
    .map((i) => `<li style="margin:0 0 6px">${link(i.url, `Issue ${i.issue}: ${t(i.title)}`)}</li>`)
    .join('');
  return `<h2 data-fg="1b1b1d" style="${UI};font-size:18px;line-height:1.3;color:#1b1b1d;margin:0 0 8px">More from ${t(e.columnName)}</h2>
<ul data-fg="1b1b1d" style="${UI};font-size:15px;line-height:1.5;color:#1b1b1d;margin:0;padding-left:20px">${li}</ul>`;
}

function footerHtml(e: EmailEdition): string {
  const t = escapeHtml;
  const f = e.footer;
  const links = [
    link(f.unsubscribe, 'Unsubscribe'),
    f.preferences ? link(f.preferences, 'Update your preferences') : '',
    link(f.viewOnline, 'View this email online'),
  ]
    .filter(Boolean)
    .join(' · ');
  return [
    small(`Forwarded this? ${link(e.subscribeUrl, `Subscribe to ${t(e.columnName)}`)} to get the next issue.`),
    small(
      `You are reading ${t(e.columnName)}, issue ${e.issue}. ${link(e.url, 'Read this issue on the web')}, with interactive charts.`,
    ),
    small(t(f.why)),
    small(links, f.addressHtml ? '0 0 8px' : '0'),
    f.addressHtml
      ? `<div data-fg="55565c" style="${UI};font-size:13px;line-height:1.5;color:#55565c;margin:0">${t(f.addressHtml)}</div>`
      : '',
  ].join('\n');
}

/** The byline: each author linked to their page on the site when they have one. */
function byline(e: EmailEdition): string {
  const names = e.authors.map((a) =>
    a.url ? link(a.url, escapeHtml(inertText(a.name)), '55565c') : escapeHtml(inertText(a.name)),
  );
  return `By ${names.join(', ')}`;
}

/** The whole email document. Everything from content passes through inertText/inertNodes; the footer's tags stay live. */
export function renderEmailHtml(e: EmailEdition): string {
  const t = (s: string) => escapeHtml(inertText(s));
  const hero = e.hero ? `<img src="${escapeHtml(e.hero.src)}" alt="${escapeHtml(e.hero.alt)}">` : '';
  return `<!DOCTYPE html>
<html lang="en" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<meta name="x-apple-disable-message-reformatting">
<title>${t(editionSubject(e.issue, e.title))}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
<style>
${darkPaletteCss()}
</style>
</head>
<body data-bg="f1efe9" style="margin:0;padding:0;background-color:#f1efe9;color:#1b1b1d">
${preheader(inertText(e.summary))}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" data-bg="f1efe9" style="background-color:#f1efe9;color:#1b1b1d">
<tr><td align="center" style="padding:16px 0;${UI}">
<!--[if mso]><table role="presentation" align="center" width="${EMAIL_WIDTH}" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" cellpadding="0" cellspacing="0" border="0" data-bg="ffffff" style="width:100%;max-width:${EMAIL_WIDTH}px;margin:0 auto;background-color:#ffffff;color:#1b1b1d">
<tr><td data-pad style="padding:20px ${PAD}px;border-bottom:3px solid #0a5f8a;${UI}">
<p data-fg="0a5f8a" style="margin:0;font-size:13px;font-weight:bold;letter-spacing:0.08em;text-transform:uppercase;color:#0a5f8a">${t(e.columnName)} · Issue ${e.issue}</p>
<p data-fg="55565c" style="margin:4px 0 0;font-size:13px;line-height:1.5;color:#55565c">${t(e.date)} · ${byline(e)} · ${e.minutes} min read · ${link(e.url, 'Read on the web')}</p>
</td></tr>
<tr><td data-pad style="padding:${PAD}px ${PAD}px 8px;${UI}">
<h1 data-fg="1b1b1d" style="${UI};font-size:28px;line-height:1.2;color:#1b1b1d;margin:0 0 10px">${t(e.title)}</h1>
${inlineEmailStyles(`<p><em>${escapeHtml(e.dek)}</em></p>${hero}${e.bodyHtml}`)}
</td></tr>
${
  e.latest.length > 0
    ? `<tr><td data-pad style="padding:16px ${PAD}px;border-top:1px solid #d9d6ce;${UI}">
${latestHtml(e)}
</td></tr>
`
    : ''
}<tr><td data-pad style="padding:16px ${PAD}px 24px;border-top:1px solid #d9d6ce;${UI}">
${footerHtml(e)}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
