/**
 * Everything the <Chart> component and its feed variant need, from one spec:
 * resolved data, images (cached; pages get SVGs serving both themes, feeds
 * and email a PNG, drawn only when asked for with `png`), data files,
 * configs, text alternative. Images are drawn in the background (worker
 * pool); the build waits for them before it copies them into dist/.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { resolveChart, type ChartSpec } from '../lib/charts/spec.ts';
import { chartImages, chartPng } from '../lib/build/chart-cache.ts';
import { chartDataFiles, chartLegend, chartTable, describeChart } from '../lib/charts/describe.ts';
import { CHART_CACHE_DIR, CHART_URL_PREFIX } from '../lib/charts/assets.ts';
import { writeFileAtomic } from '../lib/build/atomic-write.ts';
import { chartLookup } from './chart-lookup.ts';
import { sitePath } from '../lib/hosting/base-path.ts';
import { site } from '../site.config.ts';

/** Where chart files are served: /charts/ under the site's base path. */
const chartUrl = (file: string) => sitePath(`${CHART_URL_PREFIX}${file}`, site.url);

export function renderChart(spec: ChartSpec, page: string, opts: { png?: boolean } = {}) {
  const chart = resolveChart(spec, chartLookup, { file: page });
  const images = chartImages(chart, CHART_CACHE_DIR);
  const png = opts.png ? chartPng(chart, CHART_CACHE_DIR) : undefined;
  const data = chartDataFiles(chart);
  const base = `chart-${images.hash}`;
  for (const [ext, text] of [
    ['csv', data.csv],
    ['json', data.json],
  ] as const) {
    const path = join(CHART_CACHE_DIR, `${base}.${ext}`);
    if (!existsSync(path)) writeFileAtomic(path, text);
  }
  return {
    chart,
    alt: describeChart(chart),
    table: chartTable(chart),
    width: images.svg.width,
    height: images.svg.height,
    /** Both themes, for pages; `narrow` is the phone layout, with its own size: a view of the same file. */
    svg: chartUrl(images.svg.file),
    narrow: {
      url: chartUrl(images.narrow.file),
      width: images.narrow.width,
      height: images.narrow.height,
    },
    /** Light 2× PNG for feeds and email (only with `png`). */
    light: png ? chartUrl(png.file) : undefined,
    csv: chartUrl(`${base}.csv`),
    json: chartUrl(`${base}.json`),
    /** Legend entries (HTML beside the image): slices or datasets with their colours, the "Other" remainder in grey. */
    legend: chartLegend(chart),
  };
}
