import { escapeHtml } from '../html/escape.ts';
import { startOfPartialDate } from './dates.ts';
import { formatPartialDate, formatValue } from './format.ts';
import type { FeedItem } from '../feeds/model.ts';
import type { Registry } from './types.ts';
import { formulaInWords } from './formula-words.ts';
import { siteUrlOf } from '../hosting/base-path.ts';

/**
 * Items for the figures feed, newest first: one per figure as recorded (dated
 * by its source) and one per revision, so data-minded readers can follow
 * every change. Ids are stable: a figure's entry URL, plus the revision date.
 */
export function figureFeedItems(registry: Registry, siteUrl: string): FeedItem[] {
  const items: FeedItem[] = [];
  for (const f of Object.values(registry.figures)) {
    const url = siteUrlOf(`/figures/#fig-${f.id}`, siteUrl);
    const cited = f.source.url
      ? `<a href="${escapeHtml(f.source.url)}">${escapeHtml(f.source.name)}</a>`
      : escapeHtml(f.source.name);
    const source = `<p>Source: ${cited}, ${escapeHtml(formatPartialDate(f.source.date))}.${f.formula ? ` Calculated as ${escapeHtml(formulaInWords(f.formula, (id) => registry.figures[id]).text)}.` : ''}</p>`;
    const added = startOfPartialDate(f.source.date || f.asOf);
    items.push({
      id: url,
      url,
      title: `${f.label}: ${f.text.long}`,
      summary: `${f.text.long} (as of ${formatPartialDate(f.asOf)}), ${f.source.name}.`,
      contentHtml: `<p><strong>${escapeHtml(f.text.long)}</strong>: ${escapeHtml(f.label)}, as of ${escapeHtml(formatPartialDate(f.asOf))}.</p>${source}${f.note ? `<p>${escapeHtml(f.note)}</p>` : ''}`,
      published: added,
      updated: added,
      authors: ['AI Frontier'],
      tags: [f.id.split('.')[0]!],
    });
    for (const r of f.revisions) {
      const date = startOfPartialDate(r.date);
      items.push({
        id: `${url}-revised-${r.date}`,
        url: `${url}-revised-${r.date}`,
        title: `Revised: ${f.label}: ${formatValue(r.from, f)} → ${formatValue(r.to, f)}`,
        summary: r.reason,
        contentHtml: `<p><strong>${escapeHtml(formatValue(r.from, f))} → ${escapeHtml(formatValue(r.to, f))}</strong> (${escapeHtml(formatPartialDate(r.date))}): ${escapeHtml(r.reason)}</p>${source}`,
        published: date,
        updated: date,
        authors: ['AI Frontier'],
        tags: [f.id.split('.')[0]!, 'revision'],
      });
    }
  }
  return items.sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id));
}
