/**
 * The article's rendered body, finished for the page in one pass over its HTML (no full parse: a
 * scanner that tells text from tags, comments and raw text such as scripts):
 *
 * - the lead-in (key figures, contents) goes after the first paragraph, so a reader on a phone starts
 *   reading on the first screen; when the body does not open with a paragraph, it goes first;
 * - runs of Chinese characters in the text get `lang="zh-Hans"`, so screen readers switch voice and
 *   browsers pick a Chinese font (not inside SVG, nor where the author already set a language);
 * - footnotes and their reference numbers stay out of the search index (`data-pagefind-ignore`): a
 *   reference's digit would otherwise join the word before it in excerpts ("use.1").
 */

import { withBase } from '../hosting/base-path.ts';

/** A run of Han characters, with the CJK punctuation and full-width forms between them. */
const CHINESE = /[\p{Script=Han}][\p{Script=Han}\u3000-\u303f\uff00-\uffef]*/gu;
const RAW_TEXT = /^<(script|style|textarea|title)[\s>]/i;

export interface Segment {
  kind: 'text' | 'tag' | 'comment' | 'raw';
  text: string;
}

/** The HTML cut into text, tags (quoted attribute values included), comments and raw text. */
export function segments(html: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? html.length : lt;
      out.push({ kind: 'text', text: html.slice(i, end) });
      i = end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      const end = close < 0 ? html.length : close + 3;
      out.push({ kind: 'comment', text: html.slice(i, end) });
      i = end;
      continue;
    }
    if (!/^<[a-zA-Z/!?]/.test(html.slice(i, i + 2))) {
      out.push({ kind: 'text', text: '<' });
      i++;
      continue;
    }
    let j = i + 1;
    let quote = '';
    while (j < html.length) {
      const c = html[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      j++;
    }
    const tag = html.slice(i, j + 1);
    out.push({ kind: 'tag', text: tag });
    i = j + 1;
    const raw = RAW_TEXT.exec(tag);
    if (raw) {
      const close = html.toLowerCase().indexOf(`</${raw[1]!.toLowerCase()}`, i);
      const end = close < 0 ? html.length : close;
      if (end > i) out.push({ kind: 'raw', text: html.slice(i, end) });
      i = end;
    }
  }
  return out;
}

const tagName = (tag: string) => /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag)?.[1]?.toLowerCase() ?? '';
const isClosing = (tag: string) => tag.startsWith('</');
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Rendered Markdown that no component mapping reaches (the about page, a plain .md file) with its
 * site-path links and images ("/figures/") written under the site's base path, as every other link is
 * (src/lib/hosting/base-path.ts).
 */
export function linksUnderBase(html: string, base: string): string {
  if (base === '/') return html;
  return segments(html)
    .map((p) =>
      p.kind === 'tag' && !isClosing(p.text)
        ? p.text.replace(
            /(\s(?:href|src)=")(\/[^"]*)"/g,
            (_, attr: string, url: string) => `${attr}${withBase(url, base)}"`,
          )
        : p.text,
    )
    .join('');
}

/** Mark Chinese runs in a text segment (already escaped HTML text). */
export function markChinese(text: string): string {
  return text.replace(CHINESE, (run) => `<span lang="zh-Hans">${run}</span>`);
}

/** The body with the lead placed, Chinese runs marked and footnotes kept out of search. */
export function finishArticleBody(html: string, lead: string): string {
  const parts = segments(html);
  // Where the lead goes: after the first paragraph's end tag when the body opens with <p>.
  const first = parts.findIndex((p) => p.kind !== 'comment' && !(p.kind === 'text' && !p.text.trim()));
  let leadAfter = -1;
  if (
    first >= 0 &&
    parts[first]!.kind === 'tag' &&
    tagName(parts[first]!.text) === 'p' &&
    !isClosing(parts[first]!.text)
  )
    leadAfter = parts.findIndex(
      (p, k) => k > first && p.kind === 'tag' && isClosing(p.text) && tagName(p.text) === 'p',
    );
  // Elements inside which text keeps its language: SVG, and any element that sets lang itself.
  const keep: string[] = [];
  let out = leadAfter < 0 ? lead : '';
  parts.forEach((p, k) => {
    if (p.kind === 'tag') {
      const name = tagName(p.text);
      let tag = p.text;
      if (!isClosing(tag)) {
        if (/\sdata-footnotes[\s=>]|\sdata-footnote-ref[\s=>]/.test(tag) && !/data-pagefind-ignore/.test(tag))
          tag = tag.replace(/^<([a-zA-Z][a-zA-Z0-9-]*)/, '<$1 data-pagefind-ignore');
        if (!VOID.has(name) && !tag.endsWith('/>') && (keep.length > 0 || name === 'svg' || /\slang=/.test(tag)))
          keep.push(name);
      } else if (keep.at(-1) === name) keep.pop();
      out += tag;
    } else if (p.kind === 'text' && keep.length === 0) out += markChinese(p.text);
    else out += p.text;
    if (k === leadAfter) out += lead;
  });
  return out;
}
