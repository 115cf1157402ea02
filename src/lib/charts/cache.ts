import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { writeFileAtomic } from '../atomic-write.ts';
import { chartSize, toChartConfig, type ChartConfig } from './config.ts';
import { registerChartFonts } from './fonts.ts';
import { renderChartPng } from './render-static.ts';
import type { ResolvedChart } from './spec.ts';
import type { Theme } from './palette.ts';
import { buildStats } from '../build-stats.ts';

/** Bump when drawing code changes in a way that should re-render every image. */
export const RENDERER_VERSION = 2;

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
  light: ChartImage;
  dark: ChartImage;
  /** True when both images came from the cache (nothing was drawn). */
  cached: boolean;
}

/** Counts real renders in this process (tests check that a rebuild renders nothing). */
export const renderStats = { rendered: 0, cached: 0, ms: [] as number[] };

/**
 * PNGs for a chart in both themes, cached by a hash of the chart's data and
 * config, the theme, the renderer's versions and the font: unchanged charts
 * are never drawn twice. Files are written atomically.
 */
export async function chartImages(chart: ResolvedChart, cacheDir: string): Promise<ChartImages> {
  const fontHash = registerChartFonts();
  const size = chartSize(chart);
  const configs: Record<Theme, ChartConfig> = { light: toChartConfig(chart, 'light'), dark: toChartConfig(chart, 'dark') };
  const hash = createHash('sha256').update(JSON.stringify([configs.light, configs.dark, size, versions, fontHash, RENDERER_VERSION])).digest('hex').slice(0, 16);
  mkdirSync(cacheDir, { recursive: true });
  let cached = true;
  const image = async (theme: Theme): Promise<ChartImage> => {
    const file = `chart-${hash}-${theme}.png`;
    const path = join(cacheDir, file);
    if (!existsSync(path)) {
      cached = false;
      const start = performance.now();
      writeFileAtomic(path, await renderChartPng(configs[theme], size));
      renderStats.ms.push(performance.now() - start);
      renderStats.rendered++;
    } else renderStats.cached++;
    return { file, width: size.width, height: size.height };
  };
  const light = await image('light');
  const dark = await image('dark');
  buildStats().charts[cached ? 'cached' : 'drawn']++;
  return { hash, light, dark, cached };
}
