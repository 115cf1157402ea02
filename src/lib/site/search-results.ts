/**
 * How a search result reads: Pagefind's excerpt made safe (only its <mark> highlights survive),
 * with ellipses where it cuts the text, and the issue number and date in one line. Pure, so it is
 * unit-tested and shared by the search page's script.
 */
import { escapeHtml } from '../html/escape.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  /** The indexed text of the page. */
  content?: string;
  meta: { title?: string; dek?: string; date?: string; issue?: string };
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Decode the few entities Pagefind writes in excerpts, so text can be compared with the content. */
function decode(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!,
  );
}

/** The excerpt as safe HTML: only <mark> kept, "…" before and after where it starts or ends inside the text. */
export function excerptHtml(excerpt: string, content?: string): string {
  const marked = excerpt
    .replace(/<mark>/g, '\uE000')
    .replace(/<\/mark>/g, '\uE001')
    .replace(/<[^>]*>/g, '');
  const plain = squash(decode(marked.replace(/[\uE000\uE001]/g, '')));
  const body = escapeHtml(squash(decode(marked)))
    .replace(/\uE000/g, '<mark>')
    .replace(/\uE001/g, '</mark>');
  if (plain === '') return '';
  const text = content === undefined ? undefined : squash(content);
  const before = text === undefined || !text.startsWith(plain) ? '…' : '';
  const after = text === undefined || !text.endsWith(plain) ? '…' : '';
  return `${before}${body}${after}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Issue 2 · 2 March 2026" from the page's meta (date as YYYY-MM-DD); parts that are missing are left out. */
export function resultMeta(meta: ResultData['meta']): string {
  const parts: string[] = [];
  if (meta.issue) parts.push(`Issue ${meta.issue}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date ?? '');
  if (m && MONTHS[Number(m[2]) - 1]) parts.push(`${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`);
  return parts.join(' · ');
}

/** One result as an <li>, every value escaped. */
export function resultHtml(d: ResultData): string {
  const meta = resultMeta(d.meta);
  return [
    '<li>',
    `<h2><a href="${escapeHtml(d.url)}">${escapeHtml(d.meta.title ?? d.url)}</a></h2>`,
    meta ? `<p class="meta">${escapeHtml(meta)}</p>` : '',
    `<p class="search__excerpt">${excerptHtml(d.excerpt, d.content)}</p>`,
    '</li>',
  ].join('');
}
