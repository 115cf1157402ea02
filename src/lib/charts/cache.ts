import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chartSize, narrowChart, toChartConfig, type ChartConfig } from './config.ts';
import { registerChartFonts } from './fonts.ts';
import type { ResolvedChart } from './spec.ts';
import type { Theme } from './palette.ts';
import { buildStats } from '../build-stats.ts';
import { renderToFile } from '../render-pool.ts';
import { scheduleWrite } from '../pending-writes.ts';
import type { RenderJob } from '../render-worker.ts';

/** Bump when drawing code changes in a way that should re-render every image. */
export const RENDERER_VERSION = 14;

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
  /** For pages: one SVG serving both themes, at the chart's size. */
  svg: ChartImage;
  /** For phone-width screens: the chart's narrow layout (config.ts: narrowChart), its own size. */
  narrow: ChartImage;
  /** True when every file was already in the cache (nothing to draw). */
  cached: boolean;
  /** Resolves when the files are written (they are drawn in the background). */
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

/** Schedule `file` in the cache unless it is there; true when it had to be drawn. */
function ensure(cacheDir: string, file: string, job: RenderJob, waits: Array<Promise<void>>): boolean {
  const path = join(cacheDir, file);
  if (existsSync(path)) {
    renderStats.cached++;
    return false;
  }
  renderStats.rendered++;
  waits.push(scheduleWrite(path, () => renderToFile(job, path)));
  return true;
}

/**
 * A chart's page images, cached under `cacheDir` by a hash of its data and
 * config in both themes, the renderer's versions and the font: unchanged
 * charts are never drawn twice. Missing files are drawn in the worker pool
 * while the build goes on; `done` resolves when they are written
 * (atomically).
 */
export function chartImages(chart: ResolvedChart, cacheDir: string): ChartImages {
  const { hash, size, configs } = prepare(chart);
  // The phone drawing has its own layout (config.ts: narrowChart): 360 px wide, labels wrapped, long-labelled bars horizontal.
  const small = prepare(narrowChart(chart));
  const waits: Array<Promise<void>> = [];
  const svg = { file: `chart-${hash}.svg`, ...size };
  const narrow = { file: `chart-${small.hash}-narrow.svg`, ...small.size };
  const drewWide = ensure(cacheDir, svg.file, { kind: 'chart-svg', configs, size }, waits);
  const drewNarrow = ensure(
    cacheDir,
    narrow.file,
    { kind: 'chart-svg', configs: small.configs, size: small.size },
    waits,
  );
  const cached = !drewWide && !drewNarrow;
  // Pages and feed items ask for the same chart; count each chart once.
  if (!counted.has(hash)) buildStats().charts[cached ? 'cached' : 'drawn']++;
  counted.add(hash);
  return { hash, svg, narrow, cached, done: Promise.all(waits).then(() => undefined) };
}

/** The chart as a 2× PNG in the light theme, for feeds and email (drawn only for the items they carry). */
export function chartPng(chart: ResolvedChart, cacheDir: string): ChartImage & { done: Promise<void> } {
  const { hash, size, configs } = prepare(chart);
  const waits: Array<Promise<void>> = [];
  const file = `chart-${hash}-light.png`;
  ensure(cacheDir, file, { kind: 'chart-png', config: configs.light, size }, waits);
  return { file, ...size, done: Promise.all(waits).then(() => undefined) };
}
