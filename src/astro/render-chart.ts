/**
 * Everything the <Chart> component and its feed variant need, from one spec:
 * resolved data, images (cached; pages get SVGs serving both themes, feeds
 * and email the subscriber drawing as a PNG, drawn only when asked for with `png`), data files,
 * configs, text alternative. Images are drawn in the background (worker
 * pool); the build waits for them before it copies them into dist/.
 */
import { join } from 'node:path';
import { resolveChart, type ChartSpec } from '../lib/charts/spec.ts';
import { chartImages, chartPng } from '../lib/build/chart-cache.ts';
import {
  chartDataFiles,
  chartLegend,
  chartSubtitle,
  chartTable,
  describeChart,
  sourceLine,
} from '../lib/charts/describe.ts';
import { site } from '../site.config.ts';
import { CHART_CACHE_DIR, CHART_URL_PREFIX } from '../lib/charts/assets.ts';
import { ensureCacheFile } from '../lib/build/verified-cache.ts';
import { chartLookup } from './chart-lookup.ts';
import { basePath, sitePath } from '../lib/hosting/base-path.ts';

/** Where chart files are served: /charts/ under the site's base path. */
const chartUrl = (file: string) => sitePath(`${CHART_URL_PREFIX}${file}`, site.url);

export function renderChart(spec: ChartSpec, page: string, opts: { png?: boolean } = {}) {
  const chart = resolveChart(spec, chartLookup, { file: page });
  // The words the SVG download carries around the drawing, so it stands alone.
  const frame = {
    title: chart.title,
    subtitle: chartSubtitle(chart),
    source: sourceLine(chart),
    // The site's name and address (with its path, for a site published under one), as the download credits it.
    site: `${site.name} · ${new URL(site.url).host}${basePath(site.url).replace(/\/$/, '')}`,
  };
  const images = chartImages(chart, CHART_CACHE_DIR, frame);
  const png = opts.png ? chartPng(chart, CHART_CACHE_DIR) : undefined;
  const data = chartDataFiles(chart);
  const base = `chart-${images.hash}`;
  for (const [ext, text] of [
    ['csv', data.csv],
    ['json', data.json],
  ] as const) {
    const path = join(CHART_CACHE_DIR, `${base}.${ext}`);
    ensureCacheFile(path, text);
  }
  return {
    chart,
    alt: describeChart(chart),
    table: chartTable(chart),
    width: images.svg.width,
    height: images.svg.height,
    /** Both themes; on its own (the download) with title, subtitle, source and site around the drawing. */
    svg: chartUrl(images.svg.file),
    /** For pages, views of the same file: the wide drawing alone, and `narrow`, the phone layout with its own size. */
    wide: chartUrl(images.wide.file),
    narrow: {
      url: chartUrl(images.narrow.file),
      width: images.narrow.width,
      height: images.narrow.height,
    },
    /** The subscriber drawing, light PNG, for feeds and email (only with `png`), with its logical size. */
    png: png ? { url: chartUrl(png.file), width: png.width, height: png.height } : undefined,
    csv: chartUrl(`${base}.csv`),
    json: chartUrl(`${base}.json`),
    /** Legend entries (HTML beside the image): slices or datasets with their colours, the "Other" remainder in grey. */
    legend: chartLegend(chart),
  };
}
