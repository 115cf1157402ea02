import type { EmailEdition } from './email-html.ts';
import { htmlToPlainText, wrap } from './plain-text.ts';

const WIDTH = 72;

/**
 * The plain-text part: header, body with numbered link references, then a
 * signature block after the conventional "-- " separator (mail clients fold
 * or dim everything below it) with the web link, why the reader got this,
 * the service's unsubscribe and preferences links and the postal address.
 */
export function renderEmailText(e: EmailEdition): string {
  const f = e.footer;
  const header = `${e.columnName.toUpperCase()} · ISSUE ${e.issue}\n${e.date} · ${e.authors.join(', ')}\n\n${e.title}\n${'='.repeat(Math.min(e.title.length, WIDTH))}`;
  const signature = [
    `${e.columnName}, issue ${e.issue}`,
    `Read this issue on the web, with interactive charts: ${e.url}`,
    wrap(f.why, WIDTH),
    `Unsubscribe: ${f.unsubscribe}`,
    f.preferences ? `Update your preferences: ${f.preferences}` : '',
    f.viewOnline !== e.url ? `View this email online: ${f.viewOnline}` : '',
    f.addressText ?? '',
  ].filter(Boolean);
  return `${header}\n\n${htmlToPlainText(e.bodyHtml, WIDTH)}\n-- \n${signature.join('\n')}\n`;
}
