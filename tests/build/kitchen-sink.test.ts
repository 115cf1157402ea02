import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, testDist } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';

describe('the kitchen-sink draft', () => {
  // Its HTML passes the Nu Html Checker: tests/gates/html.test.ts.
  it('stays out of production, and renders every component once published', () => {
    // A draft in the project, so the main test site leaves it out…
    expect(readFileSync(join(projectRoot, 'content/articles/2026-01-01-kitchen-sink.mdx'), 'utf8')).toContain(
      'draft: true',
    );
    expect(existsSync(join(testDist, 'articles/kitchen-sink'))).toBe(false);
    // …and published in the production test site (tests/sites/sites.ts).
    const { dist } = testSite('production');
    const html = readFileSync(join(dist, 'articles/kitchen-sink/index.html'), 'utf8');
    for (const marker of [
      'class="fig"',
      'class="stat-card"',
      'class="outcome-table"',
      'class="comparison-table"',
      'class="table-scroll"',
      'class="callout callout--key"',
      'class="pull-quote"',
      'class="summary-box"',
      'data-footnotes',
    ])
      expect(html).toContain(marker);
    expect(html.match(/<div class="chart" data-chart\b/g)).toHaveLength(5);
  });
});
