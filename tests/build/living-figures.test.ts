import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { copyProject, readDist, runScriptAsync, testDist } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';
import { sourceArticles } from '../helpers/site-articles.ts';
import { trackedRowsIn } from '../../src/lib/outcomes/tracking.ts';
import { parseCsv } from '../../src/lib/figures/csv.ts';

describe('a figure revised after an article was published', () => {
  let dir: string;
  let before: string;
  beforeAll(async () => {
    // A copy of the production test site, its output the "before" (tests/sites/sites.ts), built again with the
    // same command once the figure is revised.
    const site = testSite('production');
    const build = site.builds.at(-1)!;
    dir = copyProject(undefined, site.project);
    before = readFileSync(join(site.dist, 'rss.xml'), 'utf8');
    const file = join(dir, 'content/figures/bytedance.yaml');
    const yaml = readFileSync(file, 'utf8').replace(
      / {2}- id: bytedance\.capex\.chips\n( {4}.*\n)*? {4}value: 85\n/,
      (m) =>
        m.replace(
          'value: 85',
          'value: 90\n    revisions:\n      - date: "2026-06-01"\n        from: 85\n        to: 90\n        reason: A later report put chips at ¥90 bn.',
        ),
    );
    expect(yaml).toContain('to: 90');
    writeFileSync(file, yaml);
    const result = await runScriptAsync('scripts/build.ts', build.args, { cwd: dir, env: build.env });
    expect(result.status, result.stderr).toBe(0);
  });

  it('changes the value in the article and adds a dated correction near the figure and in its list', () => {
    const html = readFileSync(join(dir, 'dist/articles/bytedance-200-billion-ai-bet/index.html'), 'utf8');
    expect(html).toMatch(/data-figure="bytedance\.capex\.chips"[^>]*>¥90 billion<\/a>/);
    expect(html).toContain('corrected 1 Jun 2026');
    expect(html).toMatch(
      /Correction, 1 Jun 2026:<\/strong> ¥85 billion → ¥90 billion\. A later report put chips at ¥90 bn\./,
    );
    expect(html).toContain('Updated <time datetime="2026-06-01">');
  });

  it('re-issues the feed item with the new updated date and the same guid', () => {
    const old = parseFeed(before).items.find((i) => i.url?.endsWith('/bytedance-200-billion-ai-bet/'))!;
    const item = parseFeed(readFileSync(join(dir, 'dist/rss.xml'), 'utf8')).items.find((i) =>
      i.url?.endsWith('/bytedance-200-billion-ai-bet/'),
    )!;
    expect(item.id).toBe(old.id);
    expect(readFileSync(join(dir, 'dist/rss.xml'), 'utf8')).toContain(
      '<atom:updated>2026-06-01T00:00:00.000Z</atom:updated>',
    );
    expect(
      JSON.parse(readFileSync(join(dir, 'dist/feed.json'), 'utf8')).items.find((i: { url: string }) =>
        i.url.endsWith('/bytedance-200-billion-ai-bet/'),
      ).date_modified,
    ).toBe('2026-06-01T00:00:00.000Z');
  });

  it('shows the history on /figures/ and in the figures feed', () => {
    expect(readFileSync(join(dir, 'dist/figures/index.html'), 'utf8')).toMatch(
      /1 Jun 2026<\/time>: ¥85 billion → ¥90 billion/,
    );
    const feed = parseFeed(readFileSync(join(dir, 'dist/figures/feed.xml'), 'utf8'));
    expect(feed.items.map((i) => i.title)).toContain(
      'Revised: AI chip purchases in the 2026 plan: ¥85 billion → ¥90 billion',
    );
  });
});

describe('tracked outcomes and data downloads in the built site', () => {
  it('lists every tracked outcome on the scorecard, and each company and status page holds its share', () => {
    const tracked = sourceArticles()
      .filter((a) => !a.front.draft)
      .flatMap((a) => trackedRowsIn(a.body, a.file, a.slug));
    expect(tracked.length).toBeGreaterThanOrEqual(6);
    const page = readDist('scorecard/index.html');
    for (const o of tracked) expect(page).toContain(`id="${o.id}"`);
    const open = readDist('scorecard/status/open/index.html');
    for (const o of tracked) expect(open).toContain(`id="${o.id}"`);
    const bytedance = readDist('scorecard/company/bytedance/index.html');
    expect(tracked.filter((o) => o.id.startsWith('bytedance.')).every((o) => bytedance.includes(`id="${o.id}"`))).toBe(
      true,
    );
    expect(bytedance).not.toContain('id="china-cloud.');
  });

  it('offers CSV and JSON for every chart, and they parse back to the chart data', () => {
    for (const a of sourceArticles().filter((x) => !x.front.draft)) {
      const html = readDist(`articles/${a.slug}/index.html`);
      const charts = [...html.matchAll(/<div class="chart" data-chart[^>]*>([\s\S]*?)<\/script>\s*<\/div>/g)];
      expect(charts.length, a.slug).toBeGreaterThan(0);
      for (const [chart] of charts) {
        const csv = /href="(\/charts\/chart-[0-9a-f]+\.csv)"/.exec(chart)![1]!;
        const json = /href="(\/charts\/chart-[0-9a-f]+\.json)"/.exec(chart)![1]!;
        expect(existsSync(join(testDist, csv))).toBe(true);
        const data = JSON.parse(readDist(json.slice(1)));
        // Row headers as text (a Chinese label carries a lang span).
        const rows = [...chart.matchAll(/<tr><th scope="row">(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
        expect(data.labels).toEqual(rows);
        // label, one column per dataset (headed by its label), then unit, scale, per, period and source.
        const [head, ...csvRows] = parseCsv(readDist(csv.slice(1))).map((r) => r.cells);
        const column = head!.indexOf(data.datasets[0].label);
        expect(column, `${csv}: a column headed ${data.datasets[0].label}`).toBe(1);
        expect(csvRows.map((r) => Number(r[column]))).toEqual(data.datasets[0].values);
      }
    }
  });
});
