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
  authors: string[];
  /** Feed-safe body HTML (absolute URLs, no scripts). */
  bodyHtml: string;
  footer: FooterParts;
}

export const EMAIL_WIDTH = 600;
const PAD = 24;
export const CONTENT_WIDTH = EMAIL_WIDTH - 2 * PAD;
/** Gmail clips messages whose HTML is larger than this (102 KB). */
export const GMAIL_CLIP_BYTES = 102 * 1024;

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
  th: 'padding:8px 10px;border:1px solid #d9d6ce;text-align:left;vertical-align:top;overflow-wrap:break-word',
  td: 'padding:8px 10px;border:1px solid #d9d6ce;text-align:left;vertical-align:top;overflow-wrap:break-word',
  hr: 'border:0;border-top:1px solid #d9d6ce;margin:24px 0',
};

/** Give every element its inline style, mark colours for the dark palette and fit images into the column. */
export function inlineEmailStyles(html: string): string {
  const fragment = parseHtmlFragment(html);
  walkElements(fragment, (el) => {
    const base = ELEMENT_STYLES[el.tagName];
    const own = getAttr(el, 'style');
    if (base || own) setAttr(el, 'style', mergeStyles(base, own));
    if (el.tagName === 'img') fitImage(el);
    if (el.tagName === 'table') setAttr(el, 'width', '100%');
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
      `display:block;width:100%;max-width:${width}px;height:auto;border:0;${UI};font-size:13px;color:#55565c`,
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
 * On phones, tighter padding and words that may break anywhere keep multi-column
 * tables inside a 320 px screen; at 600 px words stay whole.
 */
export const NARROW_CSS =
  '@media (max-width:480px){[data-pad]{padding-left:16px!important;padding-right:16px!important}td,th{padding:6px!important;overflow-wrap:anywhere!important}}';

function darkPaletteCss(): string {
  const text = Object.entries(DARK_TEXT).map(
    ([light, dark]) => `[data-fg="${light.slice(1)}"]{color:${dark}!important}`,
  );
  const bg = Object.entries(DARK_BACKGROUND).map(
    ([light, dark]) => `[data-bg="${light.slice(1)}"]{background-color:${dark}!important}`,
  );
  return `:root{color-scheme:light dark}\n@media (prefers-color-scheme:dark){\n${[...bg, ...text].join('\n')}\n}\n${NARROW_CSS}`;
}

/** Hidden inbox preview text, padded with invisible characters so no body text follows it in the preview. */
function preheader(text: string): string {
  // Outlook desktop may show a display:none block; the conditional comment hides it from Outlook alone.
  return `<!--[if !mso]><!--><div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden">${escapeHtml(text)}${'&#847;&zwnj;&nbsp;'.repeat(90)}</div><!--<![endif]-->`;
}

function footerHtml(e: EmailEdition): string {
  const t = escapeHtml;
  const f = e.footer;
  const link = (href: string, text: string) =>
    `<a href="${t(href)}" data-fg="0a5f8a" style="color:#0a5f8a;text-decoration:underline">${text}</a>`;
  const links = [
    link(f.unsubscribe, 'Unsubscribe'),
    f.preferences ? link(f.preferences, 'Update your preferences') : '',
    link(f.viewOnline, 'View this email online'),
  ]
    .filter(Boolean)
    .join(' · ');
  const p = (body: string, last = false) =>
    `<p data-fg="55565c" style="${UI};font-size:13px;line-height:1.5;color:#55565c;margin:${last ? '0' : '0 0 8px'}">${body}</p>`;
  return [
    p(
      `You are reading ${t(e.columnName)}, issue ${e.issue}. ${link(e.url, 'Read this issue on the web')}, with interactive charts.`,
    ),
    p(t(f.why)),
    p(links, !f.addressHtml),
    f.addressHtml
      ? `<div data-fg="55565c" style="${UI};font-size:13px;line-height:1.5;color:#55565c;margin:0">${t(f.addressHtml)}</div>`
      : '',
  ].join('\n');
}

/** The whole email document. */
export function renderEmailHtml(e: EmailEdition): string {
  const t = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${t(e.title)} · ${t(e.columnName)} #${e.issue}</title>
<style>
${darkPaletteCss()}
</style>
</head>
<body data-bg="f1efe9" style="margin:0;padding:0;background-color:#f1efe9;color:#1b1b1d">
${preheader(e.summary)}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" data-bg="f1efe9" style="background-color:#f1efe9;color:#1b1b1d">
<tr><td align="center" style="padding:16px 0">
<!--[if mso]><table role="presentation" align="center" width="${EMAIL_WIDTH}" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" cellpadding="0" cellspacing="0" border="0" data-bg="ffffff" style="width:100%;max-width:${EMAIL_WIDTH}px;margin:0 auto;background-color:#ffffff;color:#1b1b1d">
<tr><td data-pad style="padding:20px ${PAD}px;border-bottom:3px solid #0a5f8a;${UI}">
<p data-fg="0a5f8a" style="margin:0;font-size:13px;font-weight:bold;letter-spacing:0.08em;text-transform:uppercase;color:#0a5f8a">${t(e.columnName)} · Issue ${e.issue}</p>
<p data-fg="55565c" style="margin:4px 0 0;font-size:13px;color:#55565c">${t(e.date)} · ${t(e.authors.join(', '))} · <a href="${t(e.url)}" data-fg="0a5f8a" style="color:#0a5f8a">Read on the web</a></p>
</td></tr>
<tr><td data-pad style="padding:${PAD}px ${PAD}px 8px">
<h1 data-fg="1b1b1d" style="${UI};font-size:28px;line-height:1.2;color:#1b1b1d;margin:0 0 10px">${t(e.title)}</h1>
${inlineEmailStyles(e.bodyHtml)}
</td></tr>
<tr><td data-pad style="padding:16px ${PAD}px 24px;border-top:1px solid #d9d6ce">
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
