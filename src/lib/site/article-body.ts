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
const HAN = /\p{Script=Han}/u;

export interface Segment {
  kind: 'text' | 'tag' | 'comment' | 'raw';
  text: string;
}

/** A tag's attributes up to its closing ">": anything but quotes and ">", or a quoted value. */
const TAG_BODY = /(?:[^>"']|"[^"]*"|'[^']*')*/y;
/** Where a raw-text element (a chart's JSON config, a style) ends, by its name. */
const RAW_END: Record<string, RegExp> = Object.fromEntries(
  ['script', 'style', 'textarea', 'title'].map((name) => [name, new RegExp(`</${name}`, 'gi')]),
);

/** The segment of `html` that starts at `i`: its kind and where it ends. */
function segmentAt(html: string, i: number): { kind: Segment['kind']; end: number } {
  const lt = html.indexOf('<', i);
  if (lt < 0 || lt > i) return { kind: 'text', end: lt < 0 ? html.length : lt };
  if (html.startsWith('<!--', i)) {
    const close = html.indexOf('-->', i + 4);
    return { kind: 'comment', end: close < 0 ? html.length : close + 3 };
  }
  if (!/[a-zA-Z/!?]/.test(html[i + 1] ?? '')) return { kind: 'text', end: i + 1 };
  TAG_BODY.lastIndex = i + 1;
  TAG_BODY.exec(html);
  return { kind: 'tag', end: Math.min(TAG_BODY.lastIndex, html.length - 1) + 1 };
}

/** The HTML cut into text, tags (quoted attribute values included), comments and raw text. */
export function segments(html: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < html.length) {
    const { kind, end } = segmentAt(html, i);
    const text = html.slice(i, end);
    out.push({ kind, text });
    i = end;
    const raw = kind === 'tag' ? RAW_TEXT.exec(text) : null;
    if (raw) {
      const close = RAW_END[raw[1]!.toLowerCase()]!;
      close.lastIndex = i;
      const rawEnd = close.exec(html)?.index ?? html.length;
      if (rawEnd > i) out.push({ kind: 'raw', text: html.slice(i, rawEnd) });
      i = rawEnd;
    }
  }
  return out;
}

/**
 * Where the lead goes, scanning only as far as it must: just after the first paragraph's end tag when the
 * body opens with a paragraph (after whitespace and comments), else 0.
 */
function leadOffset(html: string): number {
  let i = 0;
  let opened = false;
  while (i < html.length) {
    const { kind, end } = segmentAt(html, i);
    const text = html.slice(i, end);
    if (!opened) {
      if (kind === 'tag') {
        if (tagName(text) !== 'p' || isClosing(text)) return 0;
        opened = true;
      } else if (kind === 'text' && text.trim()) return 0;
    } else if (kind === 'tag') {
      if (isClosing(text) && tagName(text) === 'p') return end;
      const raw = RAW_TEXT.exec(text);
      if (raw) {
        const close = RAW_END[raw[1]!.toLowerCase()]!;
        close.lastIndex = end;
        i = close.exec(html)?.index ?? html.length;
        continue;
      }
    }
    i = end;
  }
  return 0;
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
  if (!HAN.test(text)) return text;
  return text.replace(CHINESE, (run) => `<span lang="zh-Hans">${run}</span>`);
}

/** The body with the lead placed, Chinese runs marked and footnotes kept out of search. */
export function finishArticleBody(html: string, lead: string): string {
  const at = leadOffset(html);
  const placed = html.slice(0, at) + lead + html.slice(at);
  // Most bodies have neither Chinese nor footnotes: nothing more to do.
  if (!HAN.test(html) && !html.includes('data-footnote')) return placed;
  // Elements inside which text keeps its language: SVG, and any element that sets lang itself.
  const keep: string[] = [];
  let out = '';
  for (const p of segments(placed)) {
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
  }
  return out;
}
