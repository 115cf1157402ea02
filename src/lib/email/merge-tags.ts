/**
 * Merge tags belong to the email service, never to the author. Buttondown
 * (Django-style templates) and Kit (Liquid) evaluate `{{ … }}` and `{% … %}`
 * in the whole body, Mailchimp evaluates `*|TAG|*`, and older services
 * `%%tag%%`; none of them can tell an author's text from a tag. Their own
 * escapes differ (`{% raw %}` in Liquid and Django, none in Mailchimp) and
 * would show as text wherever the part is not evaluated, so every opener that
 * comes from content or figures gets an invisible WORD JOINER (U+2060)
 * between its two characters: readers see the same text, no service sees a
 * tag. URLs get the two characters percent-encoded instead, which keeps
 * them working. The footer's own tags (presets.ts) are written after this
 * step and stay live.
 */
import { isElement, isText, parseHtmlFragment, serializeHtml, type Parent } from '../html/dom.ts';
import { FEED_URL_ATTRIBUTES } from '../feeds/allow-list.ts';

/** The sequences that open a merge tag in one service or another. */
export const MERGE_TAG_OPENERS = ['{{', '{%', '*|', '%%'] as const;

const JOINER = '\u2060';
const OPENER = /\{(?=[{%])|\*(?=\|)|%(?=%)/g;

/** Text with every merge-tag opener broken by an invisible joiner. */
export function inertText(text: string): string {
  return text.replace(OPENER, `$&${JOINER}`);
}

/** A URL whose merge-tag openers are percent-encoded (the address it points at is unchanged). */
export function inertUrl(url: string): string {
  return url.replace(/\{(?=[{%])|\*\||%%/g, (m) => (m === '*|' ? '*%7C' : m === '%%' ? '%25%25' : '%7B'));
}

/** Whether text holds a merge-tag opener (the content check warns about these). */
export function hasMergeTagOpener(text: string): boolean {
  return MERGE_TAG_OPENERS.some((o) => text.includes(o));
}

/** Make every text node and attribute of an HTML fragment inert (in place). */
export function inertNodes(root: Parent): void {
  for (const node of root.childNodes) {
    if (isText(node)) node.value = inertText(node.value);
    else if (isElement(node)) {
      for (const attr of node.attrs)
        attr.value = FEED_URL_ATTRIBUTES.has(attr.name) ? inertUrl(attr.value) : inertText(attr.value);
      inertNodes(node);
    }
  }
}

/** An HTML fragment with every merge-tag opener in its text and attributes made inert. */
export function inertHtml(html: string): string {
  const fragment = parseHtmlFragment(html);
  inertNodes(fragment);
  return serializeHtml(fragment);
}
