import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chartSize, narrowChart, subscriberChart, toChartConfig, type ChartConfig } from '../charts/config.ts';
import { registerChartFonts } from '../fonts/chart-fonts.ts';
import type { ResolvedChart } from '../charts/spec.ts';
import type { Theme } from '../charts/palette.ts';
import { buildStats } from './build-stats.ts';
import { reuseCacheFile } from './verified-cache.ts';
import { renderToFile } from './render-pool.ts';
import { scheduleWrite } from './pending-writes.ts';
import type { RenderJob } from './render-worker.ts';
import { NARROW_VIEW, WIDE_VIEW } from '../charts/assets.ts';
import { PIXEL_RATIO, type ChartFrame } from '../charts/render-static.ts';

/** Bump when drawing code changes in a way that should re-render every image. */
export const RENDERER_VERSION = 21;

const require = createRequire(import.meta.url);
/** A dependency's installed version (its package.json may not be exported). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    }
  }
  return '?';
}
const versions = `chart.js@${packageVersion('chart.js')},@napi-rs/canvas@${packageVersion('@napi-rs/canvas')}`;

export interface ChartImage {
  file: string;
  width: number;
  height: number;
}

export interface ChartImages {
  hash: string;
  /** One SVG serving both themes: opened on its own (the download), the wide drawing with its title, subtitle, source and site around it. */
  svg: ChartImage;
  /** For pages: the wide drawing alone, a view of the same file (`chart-….svg#wide`). */
  wide: ChartImage;
  /**
   * For phone-width screens: the chart's narrow layout (config.ts: narrowChart), at its own size,
   * drawn in the same file and shown by its view (`file` is `chart-….svg#narrow`).
   */
  narrow: ChartImage;
  /** True when the file was already in the cache (nothing to draw). */
  cached: boolean;
  /** Resolves when the file is written (it is drawn in the background). */
  done: Promise<void>;
}

/** Counts images drawn and found in the cache by this process (tests check that a rebuild draws nothing). */
export const renderStats = { rendered: 0, cached: 0 };

const counted = new Set<string>();

interface Prepared {
  hash: string;
  size: { width: number; height: number };
  configs: Record<Theme, ChartConfig>;
}

function prepare(chart: ResolvedChart): Prepared {
  const fontHash = registerChartFonts();
  const size = chartSize(chart);
  const configs: Record<Theme, ChartConfig> = {
    light: toChartConfig(chart, 'light'),
    dark: toChartConfig(chart, 'dark'),
  };
  const hash = createHash('sha256')
    .update(JSON.stringify([configs.light, configs.dark, size, versions, fontHash, RENDERER_VERSION]))
    .digest('hex')
    .slice(0, 16);
  return { hash, size, configs };
}

/** Schedule `file` in the cache unless it is there as logged (verified-cache.ts); true when it had to be drawn. */
function ensure(cacheDir: string, file: string, job: RenderJob, waits: Array<Promise<void>>): boolean {
  const path = join(cacheDir, file);
  if (reuseCacheFile(path)) {
    renderStats.cached++;
    return false;
  }
  renderStats.rendered++;
  waits.push(scheduleWrite(path, () => renderToFile(job, path)));
  return true;
}

/**
 * A chart's page image, cached under `cacheDir` by a hash of its data and
 * config in both themes and both layouts, the renderer's versions and the
 * font: unchanged charts are never drawn twice. A missing file is drawn in
 * the worker pool while the build goes on; `done` resolves when it is
 * written (atomically).
 */
export function chartImages(chart: ResolvedChart, cacheDir: string, frame: ChartFrame): ChartImages {
  const wide = prepare(chart);
  // The phone drawing has its own layout (config.ts: narrowChart): 330 px wide, labels wrapped, long-labelled bars horizontal.
  const phone = prepare(narrowChart(chart));
  const hash = createHash('sha256')
    .update(JSON.stringify([wide.hash, phone.hash, frame]))
    .digest('hex')
    .slice(0, 16);
  const waits: Array<Promise<void>> = [];
  const file = `chart-${hash}.svg`;
  const drew = ensure(
    cacheDir,
    file,
    {
      kind: 'chart-svg',
      layouts: {
        wide: { configs: wide.configs, size: wide.size },
        narrow: { configs: phone.configs, size: phone.size },
      },
      frame,
    },
    waits,
  );
  // Pages and feed items ask for the same chart; count each chart once.
  if (!counted.has(hash)) buildStats().charts[drew ? 'drawn' : 'cached']++;
  counted.add(hash);
  return {
    hash,
    svg: { file, ...wide.size },
    wide: { file: `${file}#${WIDE_VIEW}`, ...wide.size },
    narrow: { file: `${file}#${NARROW_VIEW}`, ...phone.size },
    cached: !drew,
    done: Promise.all(waits).then(() => undefined),
  };
}

/**
 * The subscriber drawing (config.ts: subscriberChart) as a PNG in the light theme, for feeds and email
 * (drawn only for the items they carry): one image for every width a mail app or feed reader shows.
 */
export function chartPng(chart: ResolvedChart, cacheDir: string): ChartImage & { done: Promise<void> } {
  const { hash, size, configs } = prepare(subscriberChart(chart));
  const waits: Array<Promise<void>> = [];
  // The pixel ratio is part of what the file shows (its pixels), so a change of ratio names a new file.
  const file = `chart-${createHash('sha256').update(`${hash} ${PIXEL_RATIO}`).digest('hex').slice(0, 16)}-light.png`;
  ensure(cacheDir, file, { kind: 'chart-png', config: configs.light, size }, waits);
  return { file, ...size, done: Promise.all(waits).then(() => undefined) };
}
