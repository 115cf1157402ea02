/**
 * The link checker and the byte budgets trip on the deliberately broken site (tests/gates/broken-site.ts); the
 * HTML checker's trips are read in tests/gates/html.test.ts, which checks every site of the run in one JVM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, findBudgetProblems, findDeadLinks, pageWeights } from './gates.ts';
import { BROKEN_SITE_URL, makeBrokenSite } from './broken-site.ts';

let broken: string;

beforeAll(() => {
  broken = makeBrokenSite();
});

describe('each gate trips on the deliberately broken site', () => {
  it('the link checker finds the dead link, the dead anchor, the folder without its slash, the dead feed URLs and the dead url() in CSS', () => {
    expect(findDeadLinks(broken, BROKEN_SITE_URL).sort()).toEqual(
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
