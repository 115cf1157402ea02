/**
 * `npm run bench -- [--articles N] [--runs R] [--no-lighthouse]`: build the
 * site at the scale of a column with years of archives and report where it
 * stands (table in the terminal, JSON in .cache/bench/result.json):
 *
 * - N synthetic articles (default 1,000; ~1,200 words, 2 charts, 1 outcome
 *   table, 10 figure references each) in a temporary copy of the project;
 * - cold build, warm rebuild (nothing changed) and rebuild after one article
 *   changed: median wall time of R runs (default 3), pages/s, peak RSS, size;
 * - ms per static chart: median of 20 sequential renders (light + dark PNGs);
 * - a bare Astro 7 site (plain layout, MDX, default processor, no
 *   components) over the same text, and our cold build as a ratio to it;
 * - Lighthouse (mobile) on the two showcase articles, with Debian's Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticArticle } from './lib/synthetic.ts';
import type { Registry } from '../src/lib/figures/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const num = (flag: string, fallback: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = num('--articles', 1000);
const RUNS = num('--runs', 3);
const lighthouse = !args.includes('--no-lighthouse');
const node = process.execPath;

spawnSync(node, [join(root, 'scripts', 'pull-figures.ts'), '--offline'], { cwd: root, stdio: 'inherit' });
const registry = JSON.parse(readFileSync(join(root, 'src', 'generated', 'figures.json'), 'utf8')) as Registry;

function project(kind: 'ours' | 'bare'): string {
  const dir = mkdtempSync(join(tmpdir(), `aif-bench-${kind}-`));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (kind === 'ours') {
    for (const entry of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    rmSync(join(dir, 'src', 'generated', 'remote-cache'), { recursive: true, force: true });
  } else {
    mkdirSync(join(dir, 'src', 'pages', 'articles'), { recursive: true });
    mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
    writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.com', integrations: [mdx()], outDir: process.env.ASTRO_OUT_DIR ?? './dist' });\n");
    writeFileSync(join(dir, 'src', 'content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/articles' }) }) };\n");
    writeFileSync(join(dir, 'src', 'pages', 'articles', '[id].astro'), "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('articles')).map((a) => ({ params: { id: a.id }, props: { a } })); }\nconst { Content } = await render(Astro.props.a);\n---\n<html lang=\"en\"><head><title>{Astro.props.a.data.title}</title></head><body><main><h1>{Astro.props.a.data.title}</h1><Content /></main></body></html>\n");
    writeFileSync(join(dir, 'src', 'pages', 'index.astro'), "---\nimport { getCollection } from 'astro:content';\nconst all = await getCollection('articles');\n---\n<html lang=\"en\"><head><title>Bare</title></head><body><ul>{all.map((a) => <li><a href={`/articles/${a.id}/`}>{a.data.title}</a></li>)}</ul></body></html>\n");
  }
  const articles = join(dir, 'content', 'articles');
  for (let i = 0; i < N; i++) {
    const a = syntheticArticle(i, registry, { bare: kind === 'bare' });
    writeFileSync(join(articles, a.name), a.text);
  }
  return dir;
}

interface Run {
  seconds: number;
  rssMb?: number;
}

function timed(cwd: string, command: string[], env: NodeJS.ProcessEnv = {}): Run {
  const hasTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const cmd = hasTime ? ['/usr/bin/time', '-f', 'AIF_MAXRSS_KB=%M', ...command] : command;
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  // GNU time reports the largest single process of the tree that it waited for; children's peaks come through rusage of waited children.
  const kb = Number(/AIF_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
  return { seconds, rssMb: Number.isFinite(kb) ? Math.round(kb / 1024) : undefined };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dirSize = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? dirSize(join(d, e.name)) : statSync(join(d, e.name)).size), 0);
const countHtml = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? countHtml(join(d, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);

console.log(`Generating ${N} synthetic articles…`);
const ours = project('ours');
const bare = project('bare');
const build = (dir: string) => timed(dir, [node, join(dir, 'scripts', 'build.ts'), '--offline', '--allow-placeholder-url'], { BUILD_DATE: '2026-11-24T00:00:00Z' });
const bareBuild = (dir: string) => timed(dir, [node, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent']);

const cold: Run[] = [];
const warm: Run[] = [];
const changed: Run[] = [];
const baseline: Run[] = [];
for (let r = 0; r < RUNS; r++) {
  for (const d of ['dist', '.cache', '.astro', 'node_modules/.astro']) rmSync(join(ours, d), { recursive: true, force: true });
  console.log(`cold build ${r + 1}/${RUNS}…`);
  cold.push(build(ours));
  console.log(`warm rebuild ${r + 1}/${RUNS}…`);
  warm.push(build(ours));
  const file = join(ours, 'content', 'articles', readdirSync(join(ours, 'content', 'articles')).sort()[5]!);
  writeFileSync(file, readFileSync(file, 'utf8').replace('\n## How it ends', `\n\nEdited in run ${r}.\n\n## How it ends`));
  console.log(`rebuild after one change ${r + 1}/${RUNS}…`);
  changed.push(build(ours));
  for (const d of ['dist', '.astro']) rmSync(join(bare, d), { recursive: true, force: true });
  console.log(`bare Astro baseline ${r + 1}/${RUNS}…`);
  baseline.push(bareBuild(bare));
}
const pages = countHtml(join(ours, 'dist'));
const chartStats = { ms: await chartRenderTimes(20) };

let scores: Record<string, Record<string, number>> = {};
if (lighthouse) scores = runLighthouse();

const result = {
  articles: N,
  runs: RUNS,
  pages,
  coldSeconds: median(cold.map((r) => r.seconds)),
  warmSeconds: median(warm.map((r) => r.seconds)),
  oneChangeSeconds: median(changed.map((r) => r.seconds)),
  baselineSeconds: median(baseline.map((r) => r.seconds)),
  pagesPerSecondCold: 0,
  msPerStaticChart: chartStats.ms.length ? Math.round(median(chartStats.ms) * 10) / 10 : null,
  peakRssMb: Math.max(...cold.map((r) => r.rssMb ?? 0)) || null,
  outputMb: Math.round(dirSize(join(ours, 'dist')) / 1e5) / 10,
  lighthouse: scores,
};
result.pagesPerSecondCold = Math.round(pages / result.coldSeconds);
const ratio = result.coldSeconds / result.baselineSeconds;

mkdirSync(join(root, '.cache', 'bench'), { recursive: true });
writeFileSync(join(root, '.cache', 'bench', 'result.json'), JSON.stringify({ ...result, coldToBaseline: ratio }, null, 2));
const rows: Array<[string, string, string]> = [
  ['articles / pages', `${N} / ${pages}`, ''],
  ['cold build (median)', `${result.coldSeconds.toFixed(1)} s`, `target ≤ 60 s: ${result.coldSeconds <= 60 ? 'met' : 'missed'}`],
  ['bare Astro baseline', `${result.baselineSeconds.toFixed(1)} s`, `cold ÷ baseline = ${ratio.toFixed(2)}× (target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'missed'})`],
  ['warm rebuild, nothing changed', `${result.warmSeconds.toFixed(1)} s`, `${Math.round((result.warmSeconds / result.coldSeconds) * 100)}% of cold (target ≤ 50%)`],
  ['rebuild after one article changed', `${result.oneChangeSeconds.toFixed(1)} s`, ''],
  ['pages per second (cold)', String(result.pagesPerSecondCold), ''],
  ['ms per static chart (median)', String(result.msPerStaticChart ?? 'n/a'), ''],
  ['peak RSS', result.peakRssMb ? `${result.peakRssMb} MB` : 'n/a', ''],
  ['output size', `${result.outputMb} MB`, ''],
  ...Object.entries(scores).map(([page, s]) => [`Lighthouse ${page}`, Object.entries(s).map(([k, v]) => `${k} ${v}`).join(', '), ''] as [string, string, string]),
];
console.log('\n| measure | value | note |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nJSON: ${join(root, '.cache', 'bench', 'result.json')}`);

function runLighthouse(): Record<string, Record<string, number>> {
  const urlFile = join(tmpdir(), `aif-bench-url-${process.pid}`);
  rmSync(urlFile, { force: true });
  const server = spawn(node, [join(root, 'scripts', 'lib', 'serve-dir.ts'), join(ours, 'dist'), urlFile], { stdio: 'inherit' });
  for (let i = 0; i < 100 && !existsSync(urlFile); i++) spawnSync('sleep', ['0.1']);
  const base = existsSync(urlFile) ? readFileSync(urlFile, 'utf8') : '';
  const out: Record<string, Record<string, number>> = {};
  try {
    for (const slug of ['bytedance-200-billion-ai-bet', 'tokens-versus-revenue']) {
      const report = join(tmpdir(), `aif-lh-${slug}.json`);
      const r = spawnSync(node, [join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'), `${base}/articles/${slug}/`, '--quiet', '--output=json', `--output-path=${report}`, '--form-factor=mobile', '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run'], {
        encoding: 'utf8',
        env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      });
      if (r.status !== 0 || !existsSync(report)) {
        console.error(`Lighthouse failed on ${slug}: ${r.stderr.slice(-500)}`);
        continue;
      }
      const categories = (JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number }> }).categories;
      out[slug] = Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    }
  } finally {
    server.kill();
  }
  return out;
}

/** Render distinct synthetic charts one after another into an empty cache: the cost of one chart (both themes). */
async function chartRenderTimes(count: number): Promise<number[]> {
  const { resolveChart } = await import('../src/lib/charts/spec.ts');
  const { chartImages } = await import('../src/lib/charts/cache.ts');
  const dir = mkdtempSync(join(tmpdir(), 'aif-bench-charts-'));
  const lookup = { figure: (id: string) => registry.figures[id], series: (id: string) => registry.series[id], figureIds: () => Object.keys(registry.figures), seriesIds: () => Object.keys(registry.series) };
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const chart = resolveChart({ type: i % 2 ? 'bar' : 'line', title: `Bench chart ${i}`, labels: ['2023', '2024', '2025'], datasets: [{ label: 'Spend', values: [40 + i, 75, 85 + i] }], unit: 'CNY', scale: 'billion' }, lookup, { file: 'bench' });
    const start = performance.now();
    await chartImages(chart, dir).done;
    times.push(performance.now() - start);
  }
  return times;
}
