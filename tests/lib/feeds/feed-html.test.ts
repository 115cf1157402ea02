import { describe, expect, it } from 'vitest';
import { toFeedHtml, absoluteUrl, LocalPathError } from '../../../src/lib/feeds/feed-html.ts';
import { inlineStyles } from '../../../src/lib/feeds/inline-styles.ts';

const pageUrl = 'https://site.example/articles/x/';

describe('toFeedHtml', () => {
  it('drops scripts, styles, canvases, links and event handlers; unknown elements keep their words', () => {
    const out = toFeedHtml(
      '<p onclick="steal()" class="lead" data-astro-cid-abc>Hi</p><script type="module" src="/work/main/src/client/charts.ts"></script><style>p{}</style><link rel="stylesheet" href="/x.css"><canvas width="2"></canvas><astro-island>x</astro-island><video src="https://t.example/v.mp4">v</video><iframe src="https://t.example/"></iframe>',
      { pageUrl },
    );
    expect(out).toBe('<p>Hi</p>x');
  });

  it('keeps only the allow-list: no element or attribute outside it survives', () => {
    const out = toFeedHtml(
      '<main role="main"><article aria-label="a"><mark>m</mark><p class="x" hidden tabindex="1" style="margin:0">p</p><marquee>go</marquee></article></main>',
      { pageUrl },
    );
    expect(out).toBe('m<p>p</p>go');
    for (const el of ['main', 'article', 'mark', 'marquee']) expect(out).not.toContain(`<${el}`);
  });

  it('keeps a style only when the feed templates write it: no tracker, overlay or author style gets through', () => {
    const out = toFeedHtml(
      `<p style="${inlineStyles.caption}">ok</p><span style="color:#0072b2">■</span>` +
        '<p style="background:url(https://tracker.example/p.gif)">a</p><div style="position:fixed;top:0;left:0;width:100%;height:100%">b</div><p style="color:red">c</p><span style="color:#0072b2;background:url(x)">d</span>',
      { pageUrl },
    );
    expect(out).toBe(
      `<p style="${inlineStyles.caption}">ok</p><span style="color:#0072b2">■</span><p>a</p><div>b</div><p>c</p><span>d</span>`,
    );
  });

  it('keeps images from the site only; a remote image becomes a link with its description', () => {
    const out = toFeedHtml(
      '<p><img src="/charts/c.png" alt="Chart"> <img src="https://tracker.example/p.gif" alt="A pixel"> <a href="https://o.example/"><img src="https://o.example/logo.png" alt="Logo"></a></p>',
      { pageUrl },
    );
    expect(out).toBe(
      '<p><img src="https://site.example/charts/c.png" alt="Chart"> <a href="https://tracker.example/p.gif">Image: A pixel</a> <a href="https://o.example/">Logo</a></p>',
    );
  });

  it('makes links and images absolute, keeping fragments on the article', () => {
    const out = toFeedHtml(
      '<a href="/figures/#a.b">f</a> <a href="#fn-1" aria-label="Footnote 1" role="doc-noteref">1</a> <img src="/_astro/c.png" alt="A chart" width="720" height="405">',
      { pageUrl },
    );
    expect(out).toContain('href="https://site.example/figures/#a.b"');
    expect(out).toContain('<a href="https://site.example/articles/x/#fn-1">1</a>');
    expect(out).toContain('<img src="https://site.example/_astro/c.png" alt="A chart" width="720" height="405">');
  });

  it('removes javascript: and file: URLs', () => {
    const out = toFeedHtml('<a href="javascript:alert(1)">j</a><img src="file:///etc/passwd" alt="y">', { pageUrl });
    expect(out).not.toMatch(/javascript|file:|<img/);
    expect(out).toContain('<a>j</a>');
  });

  it('keeps site sections whatever they are called (/home/, /usr/, /var/, /tmp/)', () => {
    const out = toFeedHtml(
      '<a href="/home/">Home</a> <a href="/usr/guide/">Guide</a> <img src="/var/x.png" alt="v"> <a href="/tmp/">T</a>',
      { pageUrl, localRoot: '/work/project' },
    );
    for (const path of ['/home/', '/usr/guide/', '/var/x.png', '/tmp/'])
      expect(out).toContain(`"https://site.example${path}"`);
  });

  it('stops on a URL into the project folder (a raw path or a Vite /@fs/ URL), naming the element and the fix', () => {
    for (const src of [
      '/work/project/content/a.png',
      '/@fs/work/project/node_modules/x/y.png',
      '/@fs/work/project/content/b%20c.png',
    ]) {
      expect(() => toFeedHtml(`<p><img src="${src}" alt="x"></p>`, { pageUrl, localRoot: '/work/project/' })).toThrow(
        LocalPathError,
      );
    }
    expect(() =>
      toFeedHtml('<img src="/work/project/a.png" alt="x">', { pageUrl, localRoot: '/work/project' }),
    ).toThrow(
      /<img src="\/work\/project\/a\.png"> in https:\/\/site\.example\/articles\/x\/ points at a file on this machine[\s\S]*Fix:/,
    );
    // A sibling folder that merely starts with the same letters is not the project.
    expect(toFeedHtml('<a href="/work/project-notes/">n</a>', { pageUrl, localRoot: '/work/project' })).toContain(
      'https://site.example/work/project-notes/',
    );
  });

  it('keeps the img of a picture and turns details into plain content', () => {
    const out = toFeedHtml(
      '<picture><source srcset="/d.png" media="(prefers-color-scheme: dark)"><img src="/l.png" alt="L"></picture><details><summary>Data</summary><table><tr><td>1</td></tr></table></details>',
      { pageUrl },
    );
    expect(out).toBe(
      '<img src="https://site.example/l.png" alt="L"><p><strong>Data</strong></p><table><tbody><tr><td>1</td></tr></tbody></table>',
    );
  });

  it('keeps the templates’ inline styles and table semantics', () => {
    const html = `<table style="${inlineStyles.table}"><caption>C</caption><tbody><tr><th scope="row" style="${inlineStyles.td}">a</th></tr></tbody></table>`;
    expect(toFeedHtml(html, { pageUrl })).toBe(html);
  });

  it('keeps text that only looks like markup as text', () => {
    const out = toFeedHtml(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <img alt="&quot;><script>x</script>" src="/a.png"></p>',
      { pageUrl },
    );
    expect(out).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <img alt="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" src="https://site.example/a.png"></p>',
    );
  });

  it('decodes and re-encodes ampersands in URLs', () => {
    expect(toFeedHtml('<a href="/s?a=1&amp;b=2">s</a>', { pageUrl })).toBe(
      '<a href="https://site.example/s?a=1&amp;b=2">s</a>',
    );
  });
});

describe('absoluteUrl', () => {
  it('keeps external http(s) links and mailto', () => {
    expect(absoluteUrl('https://other.example/a', pageUrl)).toBe('https://other.example/a');
    expect(absoluteUrl('mailto:a@b.c', pageUrl)).toBe('mailto:a@b.c');
    expect(absoluteUrl('data:text/html,x', pageUrl)).toBeUndefined();
  });

  it('keeps every path on the site', () => {
    for (const path of ['/home/', '/usr/', '/var/log/', '/root/', '/Users/', '/tmp/x', '/node_modules-explained/']) {
      expect(absoluteUrl(path, pageUrl)).toBe(`https://site.example${path}`);
    }
  });
});
