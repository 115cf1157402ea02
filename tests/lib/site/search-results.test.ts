import { describe, expect, it } from 'vitest';
import { excerptHtml, resultHtml, resultMeta } from '../../../src/lib/site/search-results.ts';

const content =
  'ByteDance has raised its planned 2026 spending on AI infrastructure. The plan splits into three parts. Chips come first.';

describe('search excerpts', () => {
  it('adds an ellipsis where the excerpt cuts into the text, and none where it reaches an end', () => {
    expect(excerptHtml('The plan <mark>splits</mark> into three parts.', content)).toBe(
      '…The plan <mark>splits</mark> into three parts.…',
    );
    expect(excerptHtml('ByteDance has <mark>raised</mark> its', content)).toBe(
      'ByteDance has <mark>raised</mark> its…',
    );
    expect(excerptHtml('parts. <mark>Chips</mark> come first.', content)).toBe(
      '…parts. <mark>Chips</mark> come first.',
    );
    expect(excerptHtml(content, content)).toBe(content);
  });

  it('keeps only <mark> and escapes everything else', () => {
    const html = excerptHtml('a <img src=x onerror=alert(1)><mark>b</mark> &lt;script&gt; "c"', undefined);
    expect(html).toBe('…a <mark>b</mark> &lt;script&gt; &quot;c&quot;…');
    expect(html).not.toMatch(/<(?!\/?mark>)/);
  });

  it('compares with the text across differing white space', () => {
    expect(excerptHtml('The plan   <mark>splits</mark>\ninto', 'The plan splits into three')).toBe(
      'The plan <mark>splits</mark> into…',
    );
  });
});

describe('result meta', () => {
  it('writes the issue number and the date as readers read it', () => {
    expect(resultMeta({ issue: '2', date: '2026-03-02' })).toBe('Issue 2 · 2 March 2026');
    expect(resultMeta({ date: '2025-10-27' })).toBe('27 October 2025');
    expect(resultMeta({ issue: '7', date: 'not a date' })).toBe('Issue 7');
    expect(resultMeta({})).toBe('');
  });

  it('renders a result with every value escaped', () => {
    const li = resultHtml({
      url: '/a/"x',
      excerpt: 'one <mark>two</mark>',
      content: 'one two three',
      meta: { title: '<b>T</b>', issue: '3', date: '2026-01-01' },
    });
    expect(li).toBe(
      '<li><h2><a href="/a/&quot;x">&lt;b&gt;T&lt;/b&gt;</a></h2><p class="meta">Issue 3 · 1 January 2026</p><p class="search__excerpt">one <mark>two</mark>…</p></li>',
    );
  });
});
