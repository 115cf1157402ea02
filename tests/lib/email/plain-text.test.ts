import { describe, expect, it } from 'vitest';
import { htmlToPlainText, wrap } from '../../../src/lib/email/plain-text.ts';

describe('htmlToPlainText', () => {
  it('underlines headings, turns links into numbered references and images into their alt text', () => {
    const text = htmlToPlainText(
      '<h2>Where it goes</h2><p>See <a href="https://x.example/a">the report</a> &amp; <a href="https://x.example/b">more</a>.</p><img src="https://x/c.png" alt="Bar chart: chips ¥85 bn">',
    );
    expect(text).toBe(
      'Where it goes\n=============\n\nSee the report [1] & more [2].\n\n[Bar chart: chips ¥85 bn]\n\nLinks\n-----\n\n[1] https://x.example/a\n[2] https://x.example/b\n',
    );
  });

  it('marks a link target once, where it is first cited', () => {
    const text = htmlToPlainText(
      '<p><a href="https://s.example/">99.3%</a> and <a href="https://s.example/">¥0.12</a>, <a href="https://t.example/">t</a> and <a href="https://s.example/">99.3%</a>.<sup><a href="https://c.example/a/#user-content-fn-x" id="user-content-fnref-x">1</a></sup></p>',
    );
    expect(text).toContain('99.3% [1] and ¥0.12, t [2] and 99.3%.[^1]');
    expect(text.match(/^\[\d+\] /gm)).toEqual(['[1] ', '[2] ']);
  });

  it('keeps footnote markers off the words and lists the notes apart from the body', () => {
    const html =
      '<p>We use 250×.<sup><a href="https://s.example/a/#user-content-fn-growth" id="user-content-fnref-growth">1</a></sup> Next.</p>' +
      '<section><h2 id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-growth"><p>30 tn divided by <a href="https://src.example/">120 bn</a>. <a href="https://s.example/a/#user-content-fnref-growth">↩</a></p></li></ol></section>';
    const text = htmlToPlainText(html);
    expect(text).toContain('We use 250×.[^1] Next.');
    expect(text).not.toContain('Footnotes');
    expect(text).not.toContain('↩');
    expect(text).not.toContain('user-content');
    expect(text).toContain('Notes\n-----\n\n[^1] 30 tn divided by 120 bn [1].');
    expect(text.indexOf('Notes')).toBeLessThan(text.indexOf('Links'));
  });

  it('writes a chart legend as words, without the colour swatches', () => {
    const text = htmlToPlainText(
      '<p><span style="color:#0072b2">■</span> Volcano Engine 49.2% · <span style="color:#c75000">■</span> Alibaba Cloud 27%</p>',
    );
    expect(text).toBe('Volcano Engine 49.2% · Alibaba Cloud 27%\n');
  });

  it('wraps long image descriptions like any paragraph', () => {
    const alt =
      'Bar chart, horizontal, Where the 2026 AI budget goes: Chips ¥85 bn, Data centres ¥75 bn, Models and talent ¥40 bn.';
    const text = htmlToPlainText(`<img src="https://x/c.png" alt="${alt}">`);
    for (const line of text.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(72);
    expect(text.replace(/\n /g, ' ')).toBe(`[${alt}]\n`);
  });

  it('writes a table with row headers as one block per row, each cell under its column’s name', () => {
    const text = htmlToPlainText(
      '<table><thead><tr><th>Outcome</th><th>Conditions</th><th>Result</th></tr></thead><tbody><tr><th>✅ Success: Win</th><td>Cheap</td><td>Profit</td></tr></tbody></table>' +
        '<table><thead><tr><td></td><th>ByteDance</th><th>Alibaba</th></tr></thead><tbody><tr><th>Headline metric</th><td>Tokens</td><td>Revenue</td></tr></tbody></table>',
    );
    expect(text).toBe(
      '✅ Success: Win\n  Conditions: Cheap\n  Result: Profit\n\nHeadline metric\n  ByteDance: Tokens\n  Alibaba: Revenue\n',
    );
  });

  it('writes a chart’s data table as "Row: value", without its "Value" header', () => {
    const text = htmlToPlainText(
      '<table><caption>Data: Price</caption><thead><tr><td></td><th scope="col">Value</th></tr></thead><tbody><tr><th scope="row">Before</th><td>¥0.12</td></tr><tr><th scope="row">After</th><td>¥0.0008</td></tr></tbody></table>',
    );
    expect(text).toBe('Data: Price\nBefore: ¥0.12\nAfter: ¥0.0008\n');
  });

  it('writes a table without row headers one line per row', () => {
    expect(
      htmlToPlainText(
        '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      ),
    ).toBe('A — B\n1 — 2\n');
  });

  it('numbers ordered lists and quotes blockquotes', () => {
    expect(htmlToPlainText('<ol><li>One</li><li>Two</li></ol><blockquote><p>Quoted</p><p>Twice</p></blockquote>')).toBe(
      '1. One\n2. Two\n\n> Quoted\n>\n> Twice\n',
    );
  });
});

describe('wrap', () => {
  it('never exceeds the width except for single long words', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(20);
    for (const line of wrap(text.trim(), 30).split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });
});

describe('lists and sources in plain text', () => {
  it('indents a list inside an item, and gives every source in the Sources list its number', () => {
    const text = htmlToPlainText(
      '<p><a href="https://s.example/">9%</a></p><h2>Sources</h2><ol><li>Pub, <a href="https://s.example/">Piece</a>, 1 May 2026<ul><li><strong>9%</strong>: a share.</li><li><strong>2</strong>: a count.</li></ul></li><li><a href="https://t.example/">Other</a>, 2 May 2026</li></ol>',
    );
    expect(text).toContain(
      'Sources\n=======\n\n1. Pub, Piece [1], 1 May 2026\n   - 9%: a share.\n   - 2: a count.\n2. Other [2], 2 May 2026\n',
    );
  });
});
