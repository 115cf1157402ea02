import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chartSize, toChartConfig, type ChartConfig } from './config.ts';
import { registerChartFonts } from './fonts.ts';
import type { ResolvedChart } from './spec.ts';
import type { Theme } from './palette.ts';
import { buildStats } from '../build-stats.ts';
import { render } from '../render-pool.ts';
import { scheduleWrite } from '../pending-writes.ts';

/** Bump when drawing code changes in a way that should re-render every image. */
export const RENDERER_VERSION = 3;

/** Logical width of the small-screen drawing: its text stays at full size on a 375 px phone instead of being scaled to half. */
export const NARROW_WIDTH = 360;
/** Rough width of a 13 px label per character (Latin; CJK is wider but shorter). */
const LABEL_PX_PER_CHAR = 7;

/**
 * Whether the narrow drawing keeps every category label readable: chart.js
 * rotates labels that do not fit side by side and then skips some, which
 * would lose information the wide drawing shows. Pies and doughnuts draw no
 * labels (the legend is HTML); line charts may skip dates along their axis.
 */
export function fitsNarrow(chart: Pick<ResolvedChart, 'type' | 'horizontal' | 'labels'>): boolean {
  const px = (label: string) => label.length * LABEL_PX_PER_CHAR;
  if (chart.type === 'doughnut' || chart.type === 'pie') return true;
  if (chart.type === 'line') return chart.labels.every((l) => px(l) <= NARROW_WIDTH / 3);
  if (chart.horizontal) return chart.labels.every((l) => px(l) <= NARROW_WIDTH * 0.45);
  // Side by side under the plot, beside a value axis about 90 px wide.
  return chart.labels.reduce((sum, l) => sum + px(l) + 12, 0) <= NARROW_WIDTH - 90;
}

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
  /** The same for screens narrower than the chart: drawn at NARROW_WIDTH, same aspect ratio (none when labels are too long for it). */
  narrow?: ChartImage;
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
function ensure(cacheDir: string, file: string, draw: () => Promise<Buffer>, waits: Array<Promise<void>>): boolean {
  const path = join(cacheDir, file);
  if (existsSync(path)) {
    renderStats.cached++;
    return false;
  }
  renderStats.rendered++;
  waits.push(scheduleWrite(path, draw));
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
  const narrowSize = { width: NARROW_WIDTH, height: Math.round((size.height * NARROW_WIDTH) / size.width) };
  const waits: Array<Promise<void>> = [];
  const svg = { file: `chart-${hash}.svg`, ...size };
  const fits = fitsNarrow(chart);
  const narrow = fits ? { file: `chart-${hash}-narrow.svg`, ...narrowSize } : undefined;
  const drewWide = ensure(cacheDir, svg.file, () => render({ kind: 'chart-svg', configs, size }), waits);
  const drewNarrow = narrow
    ? ensure(cacheDir, narrow.file, () => render({ kind: 'chart-svg', configs, size: narrowSize }), waits)
    : false;
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
  ensure(cacheDir, file, () => render({ kind: 'chart-png', config: configs.light, size }), waits);
  return { file, ...size, done: Promise.all(waits).then(() => undefined) };
}
