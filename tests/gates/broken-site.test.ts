/**
 * Each gate trips on tests/fixtures/broken-site: a tiny hand-written dist with one of every mistake.
 * The heavy files (a fat chart chunk behind a dynamic import, a fattened stylesheet, a long article) are
 * generated here from a seeded PRNG, so no large file sits in git and every run is identical; the
 * feeds with dead URLs are written here too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, findBudgetProblems, findDeadLinks, findInvalidHtml, pageWeights } from './gates.ts';
import { projectRoot } from '../helpers/project.ts';

const SITE = 'https://ai-frontier.example.com';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` pseudo-random base-36 words: about 0.65 gzip bytes per character, so sizes are predictable. */
function words(rand: () => number, count: number): string[] {
  return Array.from({ length: count }, () => Math.floor(rand() * 36 ** 6).toString(36));
}

let broken: string;

beforeAll(() => {
  broken = mkdtempSync(join(tmpdir(), 'aif-broken-'));
  cpSync(join(projectRoot, 'tests/fixtures/broken-site'), broken, { recursive: true });
  const rand = prng(42);
  mkdirSync(join(broken, '_astro'), { recursive: true });
  // ~100 KB gzip behind the chart page's dynamic import (budget 61 KB).
  writeFileSync(
    join(broken, '_astro/chart-fat.js'),
    `export const noise = ${JSON.stringify(words(rand, 25_000))};\nexport function draw() {}\n`,
  );
  writeFileSync(join(broken, '_astro/fat.js'), `export const noise = ${JSON.stringify(words(rand, 500))};\n`);
  // The fixture's stylesheet, fattened to ~25 KB gzip (budget 15 KB).
  appendFileSync(
    join(broken, '_astro/site.css'),
    words(rand, 5_000)
      .map((w) => `.c-${w}{margin:${w.length}px}`)
      .join('\n'),
  );
  // ~65 KB gzip article (budget 50 KB), valid HTML so that only the intended errors show.
  mkdirSync(join(broken, 'articles/long'), { recursive: true });
  const paragraphs = Array.from({ length: 200 }, () => `<p>${words(rand, 80).join(' ')}</p>`).join('\n');
  writeFileSync(
    join(broken, 'articles/long/index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body><main><h1>Long</h1>\n${paragraphs}\n</main></body></html>\n`,
  );
  // Feeds with dead absolute URLs, written here rather than kept in the fixture folder.
  writeFileSync(
    join(broken, 'rss.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Broken fixture</title><link>${SITE}/</link><description>A dead item, and a dead image in its escaped HTML</description>
<item><title>Gone</title><link>${SITE}/articles/gone/</link><description>&lt;p&gt;&lt;a href="${SITE}/articles/a/#top"&gt;Fine&lt;/a&gt; &lt;img src="${SITE}/missing.png" alt=""&gt;&lt;/p&gt;</description></item>
</channel></rss>
`,
  );
  writeFileSync(
    join(broken, 'feed.json'),
    JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Broken fixture',
        home_page_url: `${SITE}/`,
        feed_url: `${SITE}/feed.json`,
        items: [
          {
            id: 'a',
            url: `${SITE}/articles/a/#nowhere-either`,
            content_html: `<p><a href="${SITE}/articles/a/">Fine</a></p>`,
          },
        ],
      },
      null,
      2,
    ),
  );
});

describe('each gate trips on the deliberately broken site', () => {
  it('the Nu Html Checker finds the image without alt, the div inside a span and the misnested end tag', () => {
    const problems = findInvalidHtml(broken);
    const text = problems.join('\n');
    expect(text).toMatch(/^index\.html:\d+:\d+: An “img” element must have an “alt” attribute/m);
    expect(text).toMatch(/^index\.html:\d+:\d+: Element “div” not allowed as child of element “span”/m);
    expect(text).toMatch(/^index\.html:\d+:\d+: End tag “b” violates nesting rules/m);
    // Nothing else: the other fixture pages (and the generated article) are valid.
    expect(problems.filter((p) => !p.startsWith('index.html:'))).toEqual([]);
  });

  it('the link checker finds the dead link, the dead anchor, the folder without its slash, the dead feed URLs and the dead url() in CSS', () => {
    expect(findDeadLinks(broken, SITE).sort()).toEqual(
      [
        'index.html: a[href] /articles/missing/ → does not exist (no articles/missing/index.html)',
        'index.html: a[href] /articles/a/#nowhere → articles/a/index.html has no element with id “nowhere”',
        "index.html: a[href] /articles/a → is a folder; with trailingSlash 'always' link it as /articles/a/",
        'rss.xml: URL https://ai-frontier.example.com/articles/gone/ → does not exist (no articles/gone/index.html)',
        'rss.xml: URL https://ai-frontier.example.com/missing.png → does not exist',
        'feed.json: URL https://ai-frontier.example.com/articles/a/#nowhere-either → articles/a/index.html has no element with id “nowhere-either”',
        '_astro/site.css: url() ../img/missing.png → does not exist',
      ].sort(),
    );
  });

  it('the budgets find the scripts on a plain page, the fat chunk behind the chart page’s dynamic import, the fat stylesheet and the long article', () => {
    const weights = pageWeights(broken);
    const chart = weights.find((w) => w.file === 'articles/chart/index.html')!;
    expect(chart.kind).toBe('chart');
    expect(chart.jsFiles.sort()).toEqual(['_astro/chart-entry.js', '_astro/chart-fat.js']);
    const problems = findBudgetProblems(broken, BUDGETS, weights);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(
      /^index\.html: 2 script element\(s\), [\d.]+ KB gzip JS on a page without charts or search/m,
    );
    expect(problems.join('\n')).toMatch(
      /^articles\/chart\/index\.html: [\d.]+ KB gzip JS on a chart page \(budget 61\.0 KB\): _astro\/chart-entry\.js, _astro\/chart-fat\.js$/m,
    );
    expect(problems.join('\n')).toMatch(/^index\.html: [\d.]+ KB gzip CSS \(budget 15\.0 KB\)$/m);
    expect(problems.join('\n')).toMatch(
      /^articles\/long\/index\.html: [\d.]+ KB gzip HTML \(budget 50\.0 KB for an article\)$/m,
    );
  });

  it('a plain page with only an inline script, or only data blocks, is judged right', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-inline-'));
    writeFileSync(
      join(dir, 'inline.html'),
      '<!doctype html><html lang="en"><head><title>x</title><script>console.log(1)</script></head><body></body></html>',
    );
    writeFileSync(
      join(dir, 'data.html'),
      '<!doctype html><html lang="en"><head><title>x</title><script type="application/ld+json">{"@type":"Thing"}</script></head><body></body></html>',
    );
    expect(findBudgetProblems(dir).map((p) => p.split(':')[0])).toEqual(['inline.html']);
  });
});
