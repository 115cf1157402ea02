import type { EmailEdition } from './email-html.ts';
import { inertHtml, inertText } from './merge-tags.ts';
import { htmlToPlainText, wrap } from './plain-text.ts';
import { escapeHtml } from '../html/escape.ts';

const WIDTH = 72;

/**
 * The plain-text part: header, body with numbered link references, the newest
 * other issues, then a signature block after the conventional "-- " separator
 * (mail clients fold or dim everything below it) with the web link, a
 * subscribe link for readers who got it forwarded, why the reader got this,
 * the service's unsubscribe and preferences links and the postal address.
 * Everything from content is made inert to the service's template engine
 * (merge-tags.ts); the footer's own tags stay live.
 */
export function renderEmailText(e: EmailEdition): string {
  const f = e.footer;
  const title = inertText(e.title);
  const authors = e.authors.map((a) => inertText(a.name)).join(', ');
  const header = [
    `${inertText(e.columnName).toUpperCase()} · ISSUE ${e.issue}`,
    wrap(`${e.date} · By ${authors} · ${e.minutes} min read`, WIDTH),
    '',
    title,
    '='.repeat(Math.min([...title].length, WIDTH)),
  ].join('\n');
  const hero = e.hero ? `<img src="${escapeHtml(e.hero.src)}" alt="${escapeHtml(e.hero.alt)}">` : '';
  const latest = e.latest.slice(0, 3);
  const moreTitle = `More from ${inertText(e.columnName)}`;
  const more = latest.length
    ? `\n\n${moreTitle}\n${'-'.repeat(moreTitle.length)}\n\n${latest.map((i) => `${wrap(`- Issue ${i.issue}: ${inertText(i.title)}`, WIDTH, '  ')}\n  ${i.url}`).join('\n')}\n\n`
    : '\n\n';
  const signature = [
    `${e.columnName}, issue ${e.issue}`,
    `Read this issue on the web, with interactive charts: ${e.url}`,
    `Forwarded this? Subscribe: ${e.subscribeUrl}`,
    wrap(f.why, WIDTH),
    `Unsubscribe: ${f.unsubscribe}`,
    f.preferences ? `Update your preferences: ${f.preferences}` : '',
    f.viewOnline !== e.url ? `View this email online: ${f.viewOnline}` : '',
    f.addressText ?? '',
  ].filter(Boolean);
  return `${header}\n\n${htmlToPlainText(inertHtml(`<p>${escapeHtml(e.dek)}</p>${hero}${e.bodyHtml}`), WIDTH).trimEnd()}${more}-- \n${signature.join('\n')}\n`;
}
