import { escapeHtml } from '../html/escape.ts';
import { inlineStyles as s } from './inline-styles.ts';
import { formatDate } from '../dates.ts';

/** The parts of an article page that live outside its MDX body, as feed HTML. */
export function feedPreamble(data: { dek: string; summary: string }): string {
  return `<p><em>${escapeHtml(data.dek)}</em></p><blockquote style="${s.box}"><p style="${s.boxTitle}">In one sentence</p><p>${escapeHtml(data.summary)}</p></blockquote>`;
}

export function feedSources(sources: ReadonlyArray<{ name: string; url: string; date: Date }>): string {
  if (sources.length === 0) return '';
  const items = sources
    .map(
      (src) =>
        `<li><a href="${escapeHtml(src.url)}">${escapeHtml(src.name)}</a>, ${escapeHtml(formatDate(src.date))}</li>`,
    )
    .join('');
  return `<h2>Sources</h2><ol>${items}</ol>`;
}
