import { describe, expect, it } from 'vitest';
import { htmlToPlainText, wrap } from '../../../src/lib/email/plain-text.ts';
import { inlineEmailStyles, renderEmailHtml } from '../../../src/lib/email/email-html.ts';

describe('htmlToPlainText', () => {
  it('underlines headings, keeps link URLs and image alt text', () => {
    const text = htmlToPlainText('<h2>Where it goes</h2><p>See <a href="https://x.example/a">the report</a> &amp; more.</p><img src="https://x/c.png" alt="Bar chart: chips ¥85 bn">');
    expect(text).toBe('Where it goes\n=============\n\nSee the report <https://x.example/a> & more.\n\n[Bar chart: chips ¥85 bn]\n');
  });

  it('turns table rows into lines', () => {
    const text = htmlToPlainText('<table><thead><tr><th>Outcome</th><th>Result</th></tr></thead><tbody><tr><th>✅ Success: Win</th><td>Profit</td></tr></tbody></table>');
    expect(text).toBe('Outcome — Result\n✅ Success: Win — Profit\n');
  });

  it('numbers ordered lists and quotes blockquotes', () => {
    expect(htmlToPlainText('<ol><li>One</li><li>Two</li></ol><blockquote><p>Quoted</p></blockquote>')).toBe('1. One\n2. Two\n\n> Quoted\n');
  });
});

describe('wrap', () => {
  it('never exceeds the width except for single long words', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(20);
    for (const line of wrap(text.trim(), 30).split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });
});

describe('email HTML', () => {
  it('inlines a style on each element and fits wide images into the 552 px column', () => {
    const html = inlineEmailStyles('<p>a</p><img src="https://x/c.png" alt="c" width="1440" height="810"><table><tbody><tr><td style="color:red">x</td></tr></tbody></table>');
    expect(html).toContain('<p style="font-family');
    expect(html).toContain('width="552" height="311"');
    expect(html).toMatch(/<td style="padding[^"]*;color:red">/);
  });

  it('escapes the header fields', () => {
    const html = renderEmailHtml({ columnName: 'AI Frontier', issue: 3, title: '<b>T</b>', dek: 'd', url: 'https://x/a?b=1&c=2', date: '1 May 2026', authors: ['A & B'], bodyHtml: '<p>Body</p>' });
    expect(html).toContain('&lt;b&gt;T&lt;/b&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('href="https://x/a?b=1&amp;c=2"');
    expect(html).not.toContain('<b>T</b>');
  });
});
