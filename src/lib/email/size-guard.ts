/**
 * Gmail shows only the first 102 KB of a message's HTML and hides the rest
 * behind "View entire message" (the footer with the unsubscribe link
 * included). One check, used by the build, `npm run email` and `npm run send`:
 * past WARN_BYTES it says which edition, how big and what weighs most; past
 * GMAIL_CLIP_BYTES it stops unless told to go on.
 */
import { getAttr, parseHtmlFragment, serializeElement, textContent, walkElements, type Element } from '../html/dom.ts';

/** Gmail clips messages whose HTML is larger than this. */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Warn from here: room for the service's own tracking links, which grow the message when it is sent. */
export const WARN_BYTES = 90 * 1024;

export interface EditionSize {
  verdict: 'ok' | 'warn' | 'stop';
  bytes: number;
  /** One readable paragraph for a warning or a stop (empty when ok). */
  message: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What an edition's bytes go to: inline styles, images' markup, tables, and its heaviest section (by its heading). */
export function editionWeights(html: string): Array<{ what: string; bytes: number }> {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  const fragment = parseHtmlFragment(body);
  let styles = 0;
  let tables = 0;
  const sections = new Map<string, number>();
  let section = 'the opening';
  walkElements(fragment, (el: Element) => {
    styles += Buffer.byteLength(getAttr(el, 'style') ?? '') + (getAttr(el, 'style') === undefined ? 0 : 9);
    if (el.tagName === 'table' && getAttr(el, 'role') !== 'presentation')
      tables += Buffer.byteLength(serializeElement(el));
  });
  // Sections: the bytes from one h2 to the next, in document order.
  const order: Array<{ title: string; at: number }> = [];
  for (const m of body.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/g))
    order.push({ title: textContent(parseHtmlFragment(m[1]!)).trim(), at: m.index });
  order.forEach((h, i) => sections.set(h.title, (order[i + 1]?.at ?? body.length) - h.at));
  if (order.length) sections.set(section, order[0]!.at);
  else sections.set(section, body.length);
  const [heaviest] = [...sections].sort((a, b) => b[1] - a[1]);
  section = heaviest ? `the section "${heaviest[0]}"` : section;
  return [
    { what: 'inline styles', bytes: styles },
    { what: 'tables', bytes: tables },
    ...(heaviest ? [{ what: section, bytes: heaviest[1] }] : []),
  ].sort((a, b) => b.bytes - a.bytes);
}

/**
 * The verdict on one edition's HTML. `name` says which (a file or a slug); `goOn` names how to
 * go on anyway, for the message.
 */
export function checkEditionSize(name: string, html: string, goOn: string): EditionSize {
  const bytes = Buffer.byteLength(html);
  if (bytes <= WARN_BYTES) return { verdict: 'ok', bytes, message: '' };
  const weights = editionWeights(html)
    .map((w) => `${w.what} ${kb(w.bytes)}`)
    .join(', ');
  const stop = bytes > GMAIL_CLIP_BYTES;
  const message = `${name} is ${kb(bytes)} of HTML${stop ? `, over Gmail's ${kb(GMAIL_CLIP_BYTES)}: Gmail would cut it off, unsubscribe link and all` : `, close to Gmail's ${kb(GMAIL_CLIP_BYTES)} clipping limit (the service's tracking links add more when it is sent)`}. Heaviest: ${weights}.\n  Fix: split the issue, or move long data tables and charts to the web page and link them${stop ? `; to send it clipped anyway: ${goOn}` : ''}.`;
  return { verdict: stop ? 'stop' : 'warn', bytes, message };
}
