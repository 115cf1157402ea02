import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../src/lib/lint/lint.ts';
import type { FigureIndex } from '../../../src/lib/lint/context.ts';
import { FRONT, findings, now, project } from './fixture.ts';

describe('addresses in an article body (the URL policy)', () => {
  it.each([
    ['[run](javascript:alert(1))', 'is a javascript: address, which runs code'],
    ['[run](VBScript:msgbox(1))', 'is a vbscript: address'],
    ['[away](//evil.example/login)', 'starts with two slashes, so it leads to another site (evil.example/login)'],
    ['[away](/\\evil.example/login)', 'starts with two slashes'],
    ['[rel](other-article/)', 'is a relative path'],
    ['![pic](javascript:alert(1))', 'is a javascript: address'],
    ['![pic](data:image/svg+xml;base64,PHN2Zz4=)', 'is a data: address'],
    ['[ref][r]\n\n[r]: javascript:alert(1)', 'is a javascript: address'],
    ['<a href="javascript:alert(1)">x</a>', 'is a javascript: address'],
    ['<a href="//evil.example/">x</a>', 'starts with two slashes'],
    ['<img src="data:image/png;base64,AAAA" alt="x" />', 'is a data: address'],
    ['<img srcset="/images/fab.jpg 1x, javascript:alert(1) 2x" alt="x" />', 'is a javascript: address'],
    ['<video poster="javascript:alert(1)" />', 'is a javascript: address'],
    ['<blockquote cite="vbscript:x">Q</blockquote>', 'is a vbscript: address'],
  ])('refuses %s with its line and a fix', (body, what) => {
    const d = findings('unsafe-url', body);
    expect(d).toHaveLength(1);
    expect(d[0]![0]).toBe(body.includes('[r]:') ? 17 : 15);
    expect(d[0]![1]).toContain(what);
    expect(d[0]![2]).toMatch(/https:\/\/|\/images\/|root/);
  });

  it('refuses an address it cannot read', () => {
    expect(findings('unsafe-url', '<a href={"java" + "script:x"}>x</a>')).toEqual([
      [
        15,
        '<a> has a computed href, which the check cannot read, so it cannot tell where it leads.',
        'Write the address as text: href="https://…".',
      ],
    ]);
  });

  it('leaves the allowed ones alone, and component props that are not addresses', () => {
    const body =
      '[a](https://example.org/piece) [b](/about/) [c](#top) [d](mailto:desk@example.org)\n\n![A fab](/images/fab.jpg)\n\n<a href="https://example.org/">x</a>\n\n<PullQuote cite="AI Frontier">Quote.</PullQuote>';
    expect(findings('unsafe-url', body)).toEqual([]);
    expect(findings('http-link', body)).toEqual([]);
  });

  it('warns about plain http links once each, with the https address to try', () => {
    expect(findings('http-link', 'See [the filing](http://example.org/filing.pdf).')).toEqual([
      [
        15,
        '"http://example.org/filing.pdf" is plain http: readers on an https page, in feeds and in email are sent over an unencrypted connection.',
        'Use https://example.org/filing.pdf if the site serves it.',
      ],
    ]);
  });
});

describe('addresses in the frontmatter', () => {
  const front = (url: string, hero = '') =>
    FRONT(1).replace('url: "https://example.org/"', `url: "${url}"`).replace('summary:', `${hero}summary:`);

  it('refuses a dangerous source or hero address at its line, with the fix', () => {
    const d = lintProject(
      project({
        '2026-01-02-a.mdx': `${front('javascript:alert(1)')}\nText.\n`,
        '2026-01-03-b.mdx': `${front('https://example.org/a', 'hero:\n  src: "javascript:alert(1)"\n  alt: "A"\n').replace('issue: 1', 'issue: 2')}\nText.\n`,
      }),
      { now, pageSize: 10 },
    ).diagnostics.filter((x) => x.rule === 'frontmatter');
    expect(d.map((x) => [x.file.replace(/^.*\//, ''), x.line, x.message.split(':')[0]])).toEqual([
      ['2026-01-02-a.mdx', 10, 'sources.0.url'],
      ['2026-01-03-b.mdx', 13, 'hero.src'],
    ]);
    expect(d[0]!.message).toContain('"javascript:alert(1)" is a javascript: address');
    expect(d[1]!.fix).toContain('/images/');
  });

  it('warns about a plain http source and hero at their lines', () => {
    const d = findings(
      'http-link',
      'Text.',
      front('http://example.org/piece', 'hero:\n  src: "http://example.org/x.jpg"\n  alt: "A"\n'),
    );
    expect(d.map(([line, message]) => [line, message.split(' is ')[0]])).toEqual([
      [10, '"http://example.org/piece"'],
      [13, '"http://example.org/x.jpg"'],
    ]);
  });

  it('warns about a home page given as a source, unless a cited figure links to a piece on that site', () => {
    expect(findings('frontmatter-source', 'Text.', front('https://www.example.org/'))).toEqual([
      [
        10,
        'Source "S" links to https://www.example.org/, a home page, not the piece it cites.',
        expect.stringContaining('Set `url:` to the article or report itself'),
      ],
    ]);
    const figures: FigureIndex = {
      figureIds: ['a.b'],
      seriesIds: [],
      declaredAt: () => undefined,
      inputsOf: () => [],
      reviewDateOf: () => undefined,
      sourceUrlOf: () => 'https://example.org/2026/piece',
      numbers: [],
    };
    // It joins that figure's source in the Sources list, where the piece's link wins (mergeSources).
    const d = lintProject(project({ '2026-01-02-a.mdx': `${front('https://www.example.org/')}\n<Fig id="a.b" />\n` }), {
      now,
      pageSize: 10,
      figures,
    }).diagnostics;
    expect(d.filter((x) => x.rule === 'frontmatter-source')).toEqual([]);
  });
});
