import { describe, expect, it } from 'vitest';
import { findings } from './fixture.ts';

describe('raw HTML an article may not carry', () => {
  it.each([
    [
      '<img src="/images/fab.jpg" alt="A fab" onError="alert(1)" />',
      'has the event handler onError, which runs script',
    ],
    ['<a href="/about/" onClick="steal()">About</a>', 'has the event handler onClick'],
    ['<details ontoggle="alert(1)"><summary>S</summary>T</details>', 'has the event handler ontoggle'],
    ['<div set:html="<b>x</b>" />', 'uses set:html, which writes its value into the page as raw HTML'],
    ['<div dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />', 'uses dangerouslySetInnerHTML'],
    ['<iframe src="https://www.youtube.com/embed/x"></iframe>', '<iframe> embeds another site'],
    ['<object data="https://example.org/x.swf"></object>', '<object> embeds another site'],
    ['<embed src="https://example.org/x.swf" />', '<embed> embeds another site'],
    ['<div {...props}>x</div>', 'spreads computed attributes'],
    [
      '<a href="https://example.org/" target="_blank">x</a>',
      'without rel="noopener" opens a tab that can change this page',
    ],
  ])('%s: refused at its line with what to write instead', (body, what) => {
    // Embedding elements are tags articles cannot use: reported as such (unknown-tag), with this message.
    const d = [...findings('unsafe-html', body), ...findings('unknown-tag', body)];
    expect(d).toHaveLength(1);
    expect(d[0]![0]).toBe(15);
    expect(d[0]![1]).toContain(what);
    expect(d[0]![2]).toMatch(/<Chart>|Markdown|\[.+\]\(https:|Write each attribute/);
  });

  it('says nothing else about an embedding element (one mistake, one message)', () => {
    const body = '<object data="https://example.org/x"></object>';
    expect(findings('unknown-tag', body).map(([, message]) => message)).toEqual([
      expect.stringMatching(/^<object> embeds another site's page/),
    ]);
    expect(findings('unsafe-html', body)).toEqual([]);
  });

  it('accepts a new tab opened safely, and plain markup', () => {
    expect(
      findings(
        'unsafe-html',
        '<a href="https://example.org/" target="_blank" rel="noopener noreferrer">x</a>\n\n<details><summary>S</summary>T</details>\n\n<Callout type="key">Note.</Callout>',
      ),
    ).toEqual([]);
  });
});
