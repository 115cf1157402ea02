/**
 * Hostile merge tags in every content field of an edition, rendered for all
 * four presets: each service's template engine, as its docs describe it,
 * finds exactly the footer's own tags in both parts, and nothing the author
 * or a figure source typed. Buttondown (Django-style) and Kit (Liquid) read
 * `{{ … }}` and `{% … %}`, Mailchimp `*|…|*`; `%%…%%` stands for the older
 * services the generic preset may feed.
 */
import { describe, expect, it } from 'vitest';
import { renderEmailHtml, type EmailEdition } from '../../../src/lib/email/email-html.ts';
import { renderEmailText } from '../../../src/lib/email/email-text.ts';
import { footerParts, NEWSLETTER_SERVICES, PRESETS, type NewsletterService } from '../../../src/lib/email/presets.ts';
import { footerTags, tagsEvaluated } from '../../helpers/service-templates.ts';

const HOSTILE = '{{ unsubscribe_url }} {% for x in y %}*|UNSUB|* %%name%% {{{raw}}}';

const ctx = {
  columnName: 'AI Frontier',
  siteUrl: 'https://col.example/',
  articleUrl: 'https://col.example/articles/a/',
};

function hostileEdition(service: NewsletterService): EmailEdition {
  return {
    columnName: 'AI Frontier',
    issue: 7,
    title: `Title ${HOSTILE}`,
    dek: `Dek ${HOSTILE}`,
    summary: `Summary ${HOSTILE}`,
    url: ctx.articleUrl,
    date: '1 May 2026',
    authors: [{ name: `Author ${HOSTILE}`, url: 'https://col.example/authors/x/' }],
    minutes: 5,
    hero: { src: 'https://col.example/images/h.png', alt: `Hero ${HOSTILE}` },
    // What the feed components make of a body, a table cell, a figure (label and source) and a chart.
    bodyHtml: [
      `<p><em>Dek ${HOSTILE}</em></p><p>Body ${HOSTILE} <a href="https://src.example/?q={{x}}&u=*|UNSUB|*" title="Figure ${HOSTILE}">9% ${HOSTILE}</a></p>`,
      `<table><thead><tr><th>${HOSTILE}</th></tr></thead><tbody><tr><td>Cell ${HOSTILE}</td></tr></tbody></table>`,
      `<figure><img src="https://col.example/charts/c.png" alt="Chart ${HOSTILE}"><figcaption>Source: <a href="https://r.example/">Remote sheet ${HOSTILE}</a></figcaption></figure>`,
      `<h2>Sources</h2><ol><li>${HOSTILE}, <a href="https://s.example/">${HOSTILE}</a></li></ol>`,
    ].join(''),
    subscribeUrl: 'https://col.example/subscribe/',
    latest: [{ issue: 6, title: `Older ${HOSTILE}`, url: 'https://col.example/articles/o/' }],
    footer: footerParts({ service, signup: '', postalAddress: '' }, ctx),
  };
}

describe.each(NEWSLETTER_SERVICES)('the %s edition with merge tags in every content field', (service) => {
  const e = hostileEdition(service);
  for (const [part, text] of [
    ['HTML', renderEmailHtml(e)],
    ['text', renderEmailText(e)],
  ] as const) {
    it(`${part} part: the service evaluates the footer's tags and nothing from content`, () => {
      const found = tagsEvaluated(service, text);
      const own = new Set(footerTags(service));
      expect(
        found.filter((t) => !own.has(t)),
        'tags from content',
      ).toEqual([]);
      // The footer still works: its unsubscribe tag is there, live.
      expect(found).toContain(PRESETS[service].unsubscribe);
      // Readers still see what the author wrote (the joiner is invisible).
      expect(text.replaceAll('\u2060', '')).toContain('Cell {{ unsubscribe_url }} {% for x in y %}*|UNSUB|*');
    });
  }
});
