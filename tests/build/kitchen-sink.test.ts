import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';
import { findInvalidHtml } from '../gates/gates.ts';

describe('the kitchen-sink draft', () => {
  it('stays out of production, and renders every component valid once published', () => {
    const dir = copyProject();
    const file = join(dir, 'content/articles/2026-01-01-kitchen-sink.mdx');
    expect(readFileSync(file, 'utf8')).toContain('draft: true');
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true', 'draft: false'));
    const result = runScript('scripts/build.ts', ['--offline'], {
      cwd: dir,
      env: { BUILD_DATE: '2026-11-24T00:00:00Z' },
    });
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(join(dir, 'dist/articles/kitchen-sink/index.html'), 'utf8');
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
    expect(findInvalidHtml(join(dir, 'dist/articles/kitchen-sink'))).toEqual([]);
  });
});
