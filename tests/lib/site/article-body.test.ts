import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finishArticleBody, linksUnderBase, markChinese, segments } from '../../../src/lib/site/article-body.ts';

const LEAD = '<div class="lead">L</div>';

describe('finishArticleBody: the lead-in', () => {
  it('goes after the first paragraph', () => {
    expect(finishArticleBody('<p>One.</p>\n<p>Two.</p>', LEAD)).toBe(`<p>One.</p>${LEAD}\n<p>Two.</p>`);
  });

  it('skips whitespace and comments before the paragraph, and tags inside it', () => {
    const body =
      '\n<!-- note --> <p class="x">A <a href="/y" title="a </p> in a title">link</a> and <em>more</em>.</p><h2>H</h2>';
    expect(finishArticleBody(body, LEAD)).toBe(
      `\n<!-- note --> <p class="x">A <a href="/y" title="a </p> in a title">link</a> and <em>more</em>.</p>${LEAD}<h2>H</h2>`,
    );
  });

  it('does not take a </p> in a comment or a script for the end', () => {
    const body = '<p>A<!-- </p> -->B<script type="application/json">{"x":"</p>"}</script>C</p><p>D</p>';
    expect(finishArticleBody(body, LEAD)).toBe(
      '<p>A<!-- </p> -->B<script type="application/json">{"x":"</p>"}</script>C</p>' + LEAD + '<p>D</p>',
    );
  });

  it('goes first when the body opens with something else', () => {
    expect(finishArticleBody('<h2>H</h2><p>One.</p>', LEAD)).toBe(`${LEAD}<h2>H</h2><p>One.</p>`);
    expect(finishArticleBody('<div class="chart"></div><p>One.</p>', LEAD)).toBe(
      `${LEAD}<div class="chart"></div><p>One.</p>`,
    );
    expect(finishArticleBody('', LEAD)).toBe(LEAD);
  });

  it('loses nothing: the body with the lead taken out again is the body, for any body', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('<p>', '</p>', 'text ', '<a title="</p>">', '</a>', '<!-- c -->', ' ', '<h2>', '</h2>'),
        ),
        (parts) => {
          const body = parts.join('');
          const out = finishArticleBody(body, LEAD);
          expect(out.replace(LEAD, '')).toBe(body);
        },
      ),
    );
  });
});

describe('finishArticleBody: Chinese runs', () => {
  it('marks them in text, with the punctuation between', () => {
    expect(finishArticleBody('<p>Volcano Engine (火山引擎) and 豆包，豆包.</p>', '')).toBe(
      '<p>Volcano Engine (<span lang="zh-Hans">火山引擎</span>) and <span lang="zh-Hans">豆包，豆包</span>.</p>',
    );
  });

  it('leaves attributes, scripts, SVG and elements with their own language alone', () => {
    const body =
      '<p title="豆包">x</p><script type="application/json">{"l":"豆包"}</script><svg><text>豆包</text></svg><span lang="ja">漢字</span><p>豆包</p>';
    expect(finishArticleBody(body, '')).toBe(
      '<p title="豆包">x</p><script type="application/json">{"l":"豆包"}</script><svg><text>豆包</text></svg><span lang="ja">漢字</span><p><span lang="zh-Hans">豆包</span></p>',
    );
  });

  it('never marks inside a quoted attribute, even one holding “>”', () => {
    const body = '<p title="a > 豆包" data-x=\'1>2 豆包\'>x</p>';
    expect(finishArticleBody(body, '')).toBe(body);
  });

  it('marks plain text the same way', () => {
    expect(markChinese('Tag 豆包')).toBe('Tag <span lang="zh-Hans">豆包</span>');
    expect(markChinese('no Chinese, ¥200 bn')).toBe('no Chinese, ¥200 bn');
  });
});

describe('finishArticleBody: footnotes', () => {
  it('keeps the notes and their reference numbers out of the search index', () => {
    const body =
      '<p>Use.<sup><a href="#fn-1" id="fnref-1" data-footnote-ref="true">1</a></sup></p><section data-footnotes="true" class="footnotes"><ol><li>Note</li></ol></section>';
    const out = finishArticleBody(body, '');
    expect(out).toContain('<a data-pagefind-ignore href="#fn-1"');
    expect(out).toContain('<section data-pagefind-ignore data-footnotes="true"');
    expect(finishArticleBody(out, '')).toBe(out);
  });
});

describe('segments', () => {
  it('cuts HTML into text, tags, comments and raw text that join back to it', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(
          segments(s)
            .map((p) => p.text)
            .join(''),
        ).toBe(s);
      }),
    );
    expect(segments('a<b c="<>">d<!--e--><style>f</style>').map((p) => p.kind)).toEqual([
      'text',
      'tag',
      'text',
      'comment',
      'tag',
      'raw',
      'tag',
    ]);
  });
});

describe('linksUnderBase', () => {
  it('writes site-path links and images under the base path, and nothing else', () => {
    const html =
      '<p>See <a href="/figures/">figures</a>, <a href="https://x.org/a">x</a>, <a href="#n">n</a>, <img src="/images/a.png" alt="/b/"> and /text/.</p>';
    expect(linksUnderBase(html, '/repo/')).toBe(
      '<p>See <a href="/repo/figures/">figures</a>, <a href="https://x.org/a">x</a>, <a href="#n">n</a>, <img src="/repo/images/a.png" alt="/b/"> and /text/.</p>',
    );
    expect(linksUnderBase(html, '/')).toBe(html);
  });
});
