import { getAttr, parseHtmlFragment, serializeHtml, setAttr, walkElements, type Element } from '../html/dom.ts';
import { escapeHtml } from '../outcomes/table-html.ts';

/**
 * The newsletter edition: feed-safe article HTML placed in a single-column,
 * 600 px, table-based layout with every style inline — the shape that holds
 * in Gmail, Outlook and Apple Mail, which ignore <style> blocks to varying
 * degrees and never load our stylesheet.
 */
export interface EmailEdition {
  columnName: string;
  issue: number;
  title: string;
  dek: string;
  url: string;
  date: string;
  authors: string[];
  /** Feed-safe body HTML (absolute URLs, no scripts). */
  bodyHtml: string;
}

export const EMAIL_WIDTH = 600;
const PAD = 24;
const CONTENT_WIDTH = EMAIL_WIDTH - 2 * PAD;

const FONT = "font-family:Georgia,'Times New Roman',serif";
const UI = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif';

/** Inline styles given to elements that have none of their own. */
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
  table: `${UI};border-collapse:collapse;width:100%;font-size:14px;margin:16px 0`,
  th: 'padding:8px 10px;border:1px solid #d9d6ce;text-align:left;vertical-align:top;background:#f1efe9',
  td: 'padding:8px 10px;border:1px solid #d9d6ce;text-align:left;vertical-align:top',
  hr: 'border:0;border-top:1px solid #d9d6ce;margin:24px 0',
};

/** Give every element its inline style and fit images into the column. */
export function inlineEmailStyles(html: string): string {
  const fragment = parseHtmlFragment(html);
  walkElements(fragment, (el) => {
    const base = ELEMENT_STYLES[el.tagName];
    const own = getAttr(el, 'style');
    if (base) setAttr(el, 'style', own ? `${base};${own}` : base);
    if (el.tagName === 'img') fitImage(el);
  });
  return serializeHtml(fragment);
}

function fitImage(img: Element): void {
  const width = Number(getAttr(img, 'width'));
  const height = Number(getAttr(img, 'height'));
  if (width > CONTENT_WIDTH) {
    setAttr(img, 'width', String(CONTENT_WIDTH));
    if (height > 0) setAttr(img, 'height', String(Math.round((height * CONTENT_WIDTH) / width)));
  } else if (!(width > 0)) {
    setAttr(img, 'width', String(CONTENT_WIDTH));
  }
  const own = getAttr(img, 'style');
  setAttr(img, 'style', `display:block;max-width:100%;height:auto;border:0${own ? `;${own}` : ''}`);
}

/** The whole email document. */
export function renderEmailHtml(e: EmailEdition): string {
  const t = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${t(e.title)} · ${t(e.columnName)} #${e.issue}</title>
</head>
<body style="margin:0;padding:0;background:#f1efe9">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1efe9">
<tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="${EMAIL_WIDTH}" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:${EMAIL_WIDTH}px;background:#ffffff">
<tr><td style="padding:20px ${PAD}px;border-bottom:3px solid #0a5f8a;${UI}">
<p style="margin:0;font-size:13px;font-weight:bold;letter-spacing:0.08em;text-transform:uppercase;color:#0a5f8a">${t(e.columnName)} · Issue ${e.issue}</p>
<p style="margin:4px 0 0;font-size:13px;color:#55565c">${t(e.date)} · ${t(e.authors.join(', '))} · <a href="${t(e.url)}" style="color:#0a5f8a">Read on the web</a></p>
</td></tr>
<tr><td style="padding:${PAD}px ${PAD}px 8px">
<h1 style="${UI};font-size:28px;line-height:1.2;color:#1b1b1d;margin:0 0 10px">${t(e.title)}</h1>
${inlineEmailStyles(e.bodyHtml)}
</td></tr>
<tr><td style="padding:16px ${PAD}px 24px;border-top:1px solid #d9d6ce;${UI};font-size:13px;color:#55565c">
<p style="margin:0">You are reading ${t(e.columnName)}, issue ${e.issue}. <a href="${t(e.url)}" style="color:#0a5f8a">Read this issue on the web</a>, with interactive charts.</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
