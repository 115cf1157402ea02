import { escapeHtml } from '../html/escape.ts';
import { inlineStyles as s } from './inline-styles.ts';
import { formatPartialDate } from '../figures/format.ts';
import { sourceParts, type SourceGroup } from '../figures/sources.ts';
import type { Source } from '../figures/types.ts';

/**
 * The parts of an article page that open it outside its MDX body, as feed HTML: the "In one
 * sentence" box. The dek is the item's description (RSS), summary (Atom, JSON Feed) and the
 * edition's standfirst, so the content does not repeat it.
 */
export function feedPreamble(data: { summary: string }): string {
  return `<blockquote style="${s.box}"><p style="${s.boxTitle}">In one sentence</p><p>${escapeHtml(data.summary)}</p></blockquote>`;
}

/** A figure as the Sources list shows it: its value and what it measures. */
export interface SourcedFigure {
  text: { long: string };
  label: string;
}

/**
 * The article's Sources list, the same groups as the page's (figures/sources.ts mergeSources:
 * the sources of the figures it shows, registry-only ones included, merged with its own):
 * publisher, the piece linked, date, and the figures taken from it.
 */
export function feedSources(groups: ReadonlyArray<SourceGroup<SourcedFigure & { source: Source }>>): string {
  if (groups.length === 0) return '';
  const t = escapeHtml;
  const items = groups
    .map(({ source, figures }) => {
      const p = sourceParts(source);
      // A piece with no public address keeps its title, unlinked.
      const link = (text: string) => (source.url ? `<a href="${t(source.url)}">${t(text)}</a>` : t(text));
      const piece = p.title ? `${t(p.publisher)}, ${link(p.title)}` : link(p.publisher);
      const list = figures.length
        ? `<ul>${figures.map((f) => `<li><strong>${t(f.text.long)}</strong>: ${t(f.label)}.</li>`).join('')}</ul>`
        : '';
      return `<li>${piece}, ${t(formatPartialDate(source.date))}${list}</li>`;
    })
    .join('');
  return `<h2>Sources</h2><ol>${items}</ol>`;
}
