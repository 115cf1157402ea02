import { describe, expect, it } from 'vitest';
import { footerParts, isMergeTag, NEWSLETTER_SERVICES, presetFor, PRESETS } from '../../../src/lib/email/presets.ts';
import { renderEmailText } from '../../../src/lib/email/email-text.ts';

const ctx = {
  columnName: 'AI Frontier',
  siteUrl: 'https://col.example/',
  articleUrl: 'https://col.example/articles/a/',
};

describe('email service presets', () => {
  it('give every service an unsubscribe merge tag and a way to upload', () => {
    for (const s of NEWSLETTER_SERVICES) {
      expect(PRESETS[s].unsubscribe).toMatch(/\{\{.*unsubscribe.*\}\}|\*\|UNSUB\|\*/);
      expect(PRESETS[s].upload.length).toBeGreaterThan(20);
    }
  });

  it('print the configured address, else the service’s address tag', () => {
    expect(footerParts({ service: 'mailchimp', signup: '', postalAddress: '' }, ctx).addressText).toBe(
      '*|LIST:ADDRESSLINE|*',
    );
    expect(footerParts({ service: 'mailchimp', signup: '', postalAddress: ' 1 Main St ' }, ctx).addressText).toBe(
      '1 Main St',
    );
    expect(footerParts({ service: 'buttondown', signup: '', postalAddress: '' }, ctx).addressText).toBeUndefined();
  });

  it('use the article as the web version when the service keeps no copy', () => {
    expect(footerParts({ service: 'kit', signup: '', postalAddress: '' }, ctx).viewOnline).toBe(ctx.articleUrl);
    expect(footerParts({ service: 'buttondown', signup: '', postalAddress: '' }, ctx).viewOnline).toBe(
      '{{ email_url }}',
    );
  });

  it('refuse an unknown service with the fix', () => {
    expect(() => presetFor('substack')).toThrow(
      /newsletter\.service.*"substack"[\s\S]*'buttondown', 'mailchimp', 'kit', 'generic'/,
    );
  });
});

describe('renderEmailText', () => {
  it('ends with a "-- " signature carrying the unsubscribe line, the reason and the address', () => {
    const text = renderEmailText({
      columnName: 'AI Frontier',
      issue: 2,
      title: 'T',
      dek: 'D',
      summary: 'S',
      url: ctx.articleUrl,
      date: '1 May 2026',
      authors: [{ name: 'A' }],
      minutes: 3,
      bodyHtml: '<p>Body with <a href="https://src.example/">a source</a>.</p>',
      subscribeUrl: 'https://col.example/subscribe/',
      latest: [],
      footer: footerParts({ service: 'mailchimp', signup: '', postalAddress: '' }, ctx),
    });
    const [body, signature] = text.split('\n-- \n');
    expect(signature).toBeDefined();
    expect(body).toContain('a source [1].');
    expect(body).toContain('[1] https://src.example/');
    expect(signature).toContain('Unsubscribe: *|UNSUB|*');
    expect(signature).toContain('Update your preferences: *|UPDATE_PROFILE|*');
    expect(signature).toContain('View this email online: *|ARCHIVE|*');
    expect(signature!.replace(/\n/g, ' ')).toContain(
      'You are receiving this because you subscribed to AI Frontier at col.example.',
    );
    expect(signature!.trimEnd().endsWith('*|LIST:ADDRESSLINE|*')).toBe(true);
  });
});

describe('isMergeTag', () => {
  it('recognises every preset’s tags and nothing else', () => {
    for (const s of NEWSLETTER_SERVICES) expect(isMergeTag(PRESETS[s].unsubscribe), s).toBe(true);
    expect(isMergeTag('*|UPDATE_PROFILE|*')).toBe(true);
    for (const url of ['https://x.example/', '/unsubscribe/', '{{a}}/b', '{{ }}x', ''])
      expect(isMergeTag(url), url).toBe(false);
  });
});
