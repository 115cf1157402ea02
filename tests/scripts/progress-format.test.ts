import { describe, expect, it } from 'vitest';
import {
  cacheDetail,
  formatSeconds,
  pagesInLine,
  isWarningLine,
  liveLine,
  pagesDetail,
  summaryLines,
} from '../../scripts/lib/progress-format.ts';

describe('progress wording', () => {
  it('writes durations in seconds, and minutes past 100 s', () => {
    expect(formatSeconds(430)).toBe('0.4 s');
    expect(formatSeconds(12_345)).toBe('12.3 s');
    expect(formatSeconds(125_400)).toBe('2 min 05 s');
  });

  it("counts the pages in Astro's page lines, coloured or not, several to a line when built in parallel", () => {
    expect(pagesInLine('23:23:48   ├─ /articles/a/index.html (+16ms) ')).toBe(1);
    expect(pagesInLine('23:23:48   └─ /og/site.png (+1.52s)')).toBe(1);
    expect(pagesInLine('\u001b[2m23:23:48\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/rss.xml (+8ms)\u001b[22m')).toBe(
      1,
    );
    expect(
      pagesInLine(
        '04:31:38   ├─ /404.html04:31:38   ├─ /about/index.html04:31:38   ├─ /articles/b/index.html (+68ms) ',
      ),
    ).toBe(3);
    expect(pagesInLine('23:23:48   ├─ rss.xml (+8ms)')).toBe(0);
    expect(pagesInLine('23:23:45 [build] Collecting build info...')).toBe(0);
  });

  it('passes on warnings but not the MDX directive notes Vite prints for every article', () => {
    expect(isWarningLine('12:00:00 [WARN] [router] A getStaticPaths() route pattern collides')).toBe(true);
    expect(isWarningLine('12:00:00 [WARN] [vite] \u001b[33m[MODULE_LEVEL_DIRECTIVE] The semantics …')).toBe(false);
    expect(isWarningLine('12:00:00 [build] output: "static"')).toBe(false);
  });

  it('reports rates, cache hits and a per-step summary', () => {
    expect(pagesDetail(120, 10_000)).toBe('120 pages (12.0/s)');
    expect(pagesDetail(1, 0)).toBe('1 page (0.0/s)');
    expect(cacheDetail('charts', { drawn: 2, cached: 298 })).toBe('charts: 2 drawn, 298 from cache');
    expect(cacheDetail('charts', { drawn: 0, cached: 0 })).toBe('charts: none');
    expect(liveLine('astro build', 61_000, '500 pages (8.2/s)')).toBe('… astro build 61.0 s · 500 pages (8.2/s)');
    expect(
      summaryLines(
        [
          { name: 'figures', ms: 300 },
          { name: 'astro build', ms: 42_000, detail: '10 pages' },
        ],
        42_300,
      ),
    ).toEqual(['  figures           0.3 s', '  astro build      42.0 s  10 pages', '  total            42.3 s']);
  });
});
