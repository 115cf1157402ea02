import { describe, expect, it } from 'vitest';
import {
  coloursWithoutDarkPalette,
  editionSubject,
  inlineEmailStyles,
  subjectWarning,
  renderEmailHtml,
  type EmailEdition,
} from '../../../src/lib/email/email-html.ts';
import { footerParts } from '../../../src/lib/email/presets.ts';
import { parseStyle } from '../../../src/lib/html/style.ts';

const ctx = {
  columnName: 'AI Frontier',
  siteUrl: 'https://col.example/',
  articleUrl: 'https://col.example/articles/a/',
};
const edition = (over: Partial<EmailEdition> = {}): EmailEdition => ({
  columnName: 'AI Frontier',
  issue: 3,
  title: 'Title',
  dek: 'Dek',
  summary: 'The point in one sentence.',
  url: 'https://col.example/articles/a/',
  date: '1 May 2026',
  authors: [{ name: 'A', url: 'https://col.example/authors/a/' }, { name: 'B' }],
  minutes: 4,
  bodyHtml: '<p>Body</p>',
  subscribeUrl: 'https://col.example/subscribe/',
  latest: [
    { issue: 2, title: 'Two', url: 'https://col.example/articles/two/' },
    { issue: 1, title: 'One', url: 'https://col.example/articles/one/' },
  ],
  footer: footerParts({ service: 'generic', signup: '', postalAddress: '' }, ctx),
  ...over,
});

describe('inlineEmailStyles', () => {
  it('gives each element its style once per property, the element’s own values winning', () => {
    const html = inlineEmailStyles(
      '<p style="font-size:13px;color:#55565c">a</p><table><tbody><tr style="background-color:#e5f3e8;color:#1b1b1d"><th scope="row" style="padding:8px 10px">x</th></tr></tbody></table>',
    );
    for (const m of html.matchAll(/style="([^"]*)"/g)) {
      const props = parseStyle(m[1]).map(([p]) => p);
      expect(new Set(props).size, m[1]).toBe(props.length);
    }
    expect(html).toMatch(/<p style="[^"]*font-size:13px[^"]*"/);
    expect(html).not.toContain('font-size:17px');
  });

  it('leaves a row header cell unpainted so the outcome row’s tint shows through', () => {
    const html = inlineEmailStyles(
      '<table><tbody><tr style="background-color:#e5f3e8;color:#1b1b1d"><th scope="row" style="padding:8px 10px">x</th><td>y</td></tr></tbody></table>',
    );
    const th = /<th [^>]*style="([^"]*)"/.exec(html)![1]!;
    expect(th).not.toMatch(/background/);
  });

  it('fits wide images into the 568 px column with attributes, and lets them shrink', () => {
    const html = inlineEmailStyles('<img src="https://x/c.png" alt="c" width="1440" height="810">');
    expect(html).toContain('width="568" height="320"');
    expect(html).toMatch(/style="[^"]*width:100%;max-width:568px;height:auto/);
  });

  it('names a font on every table cell and never lets a word break inside', () => {
    const html = inlineEmailStyles('<table><tbody><tr><th>Headline metric</th><td>Pricing</td></tr></tbody></table>');
    for (const m of html.matchAll(/<t[hd] style="([^"]*)"/g)) {
      expect(m[1]).toMatch(/font-family:Helvetica,Arial,sans-serif/);
      expect(m[1]).not.toMatch(/anywhere|break-all/);
    }
  });

  it('writes figure, figcaption and section as elements Outlook knows', () => {
    const html = inlineEmailStyles(
      '<section><figure><img src="https://x/c.png" alt="c"><figcaption>Cap</figcaption></figure></section>',
    );
    expect(html).not.toMatch(/<(figure|figcaption|section)\b/);
    expect(html).toMatch(/^<div><div style="margin:16px 0"><img [^>]+><p style="[^"]*font-size:13px/);
  });

  it('marks light colours for the dark palette', () => {
    const html = inlineEmailStyles('<blockquote style="background-color:#f1efe9;color:#1b1b1d"><p>x</p></blockquote>');
    expect(html).toContain('data-bg="f1efe9"');
    expect(html).toContain('data-fg="1b1b1d"');
    expect(coloursWithoutDarkPalette(html)).toEqual([]);
    expect(
      coloursWithoutDarkPalette('<p style="color:#123456">x</p><p><span style="color:#0072b2">■</span> Legend</p>'),
    ).toEqual(['<p> color:#123456']);
  });
});

describe('renderEmailHtml', () => {
  it('starts the body with the hidden preheader, padded so no body text follows it in the inbox', () => {
    const html = renderEmailHtml(edition());
    const body = html.slice(html.indexOf('<body'));
    const pre = /<body[^>]*>\n<!--\[if !mso\]><!--><div style="display:none;[^"]*">([^<]*)<\/div>/.exec(body);
    expect(pre).not.toBeNull();
    expect(pre![1]!.startsWith('The point in one sentence.')).toBe(true);
    expect(pre![1]!.match(/&#847;/g)!.length).toBeGreaterThanOrEqual(80);
  });

  it('centres a fixed 600 px table for Outlook inside conditional comments', () => {
    const html = renderEmailHtml(edition());
    expect(html).toMatch(
      /<!--\[if mso\]><table role="presentation" align="center" width="600"[^>]*><tr><td><!\[endif\]-->/,
    );
    expect(html).toContain('<!--[if mso]></td></tr></table><![endif]-->');
  });

  it('declares light and dark support and gives every light colour a dark one', () => {
    const html = renderEmailHtml(edition());
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    const dark = html.slice(html.indexOf('@media (prefers-color-scheme:dark){'), html.indexOf('</style>'));
    expect(dark).toContain('[data-bg="ffffff"]{background-color:#18181a!important}');
    expect(coloursWithoutDarkPalette(html)).toEqual([]);
  });

  it('writes the footer from the service preset, with the reason and the address', () => {
    const generic = renderEmailHtml(edition());
    for (const tag of ['{{unsubscribe_url}}', '{{preferences_url}}', '{{web_version_url}}', '{{postal_address}}'])
      expect(generic).toContain(tag);
    expect(generic).toContain('You are receiving this because you subscribed to AI Frontier at col.example.');
    const mailchimp = renderEmailHtml(
      edition({ footer: footerParts({ service: 'mailchimp', signup: '', postalAddress: '' }, ctx) }),
    );
    for (const tag of [
      'href="*|UNSUB|*"',
      'href="*|UPDATE_PROFILE|*"',
      'href="*|ARCHIVE|*"',
      '*|HTML:LIST_ADDRESS_HTML|*',
    ])
      expect(mailchimp).toContain(tag);
    const kit = renderEmailHtml(
      edition({ footer: footerParts({ service: 'kit', signup: '', postalAddress: '1 Rue X, Paris & Co' }, ctx) }),
    );
    expect(kit).toContain('href="{{ unsubscribe_url }}"');
    expect(kit).toContain('href="{{ subscriber_preferences_url }}"');
    expect(kit).toContain('1 Rue X, Paris &amp; Co');
    expect(kit).not.toContain('{{ address }}');
  });

  it('escapes the header fields', () => {
    const html = renderEmailHtml(
      edition({ title: '<b>T</b>', authors: [{ name: 'A & B' }], url: 'https://x/a?b=1&c=2' }),
    );
    expect(html).toContain('&lt;b&gt;T&lt;/b&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('href="https://x/a?b=1&amp;c=2"');
    expect(html).not.toContain('<b>T</b>');
  });
});

describe('editionSubject', () => {
  it('puts the issue number first while the subject fits a phone, else drops it', () => {
    expect(editionSubject(3, 'Short title')).toBe('#3: Short title');
    const title = 'ByteDance’s ¥200 billion AI bet, and who can keep up'; // 52 characters
    expect(editionSubject(2, title)).toBe(title);
    expect(subjectWarning(title)).toBeUndefined();
    expect(subjectWarning('x'.repeat(56))).toMatch(/is 56 characters; phones show about 55/);
    expect(editionSubject(4, 'Hi {{ name }}')).toBe('#4: Hi {\u2060{ name }}');
  });
});
