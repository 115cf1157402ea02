/**
 * `npm run bench -- [--articles N[,N…]] [--runs R] [--no-lighthouse] [--cold-only]`: build
 * the site at the scale of a column with years of archives and report every
 * row of issue 15's table as a ratio to a bare Astro site built in the same
 * run (table in the terminal, JSON in .cache/bench/result.json):
 *
 * - N synthetic articles (default 1,000; ~1,200 words, 2 charts, 1 outcome
 *   table, 10 figure references each) in a temporary copy of the project;
 *   several sizes (`--articles 250,1000,4000`) give the cost per article at
 *   each, to show the cost grows linearly;
 * - cold build, warm rebuild (nothing changed) and rebuild after one article
 *   changed: median wall time of R runs (default 3), each ÷ the bare build;
 *   the build's own per-step times; peak RSS; output size;
 * - the dev server, ours and the bare site's: time to ready, to the first
 *   article page, and for an edited article to be served;
 * - the content check alone; ms per static chart (median of 20 charts drawn
 *   one after another: SVG at both sizes, both themes);
 * - a bare Astro 7 site (plain layout, MDX, default processor, no
 *   components) over the same text;
 * - Lighthouse (mobile) on the two showcase articles, with the Chromium the tests use: the median of
 *   three runs per page, the server warmed first.
 *
 * Progress: one line per build with its time (the build's own progress is
 * summarised, not repeated).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticArticle } from './lib/synthetic.ts';
import { formatSeconds } from './lib/progress-format.ts';
import { readArgs, usage } from './lib/args.ts';
import { chromiumForTests } from './lib/test-tools.ts';
import type { Registry } from '../src/lib/figures/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchCommand = {
  command: 'npm run bench --',
  options: {
    articles: { type: 'string', value: 'N[,N…]', default: '1000', help: 'archive sizes to build, e.g. 250,1000' },
    runs: { type: 'string', value: 'R', default: '3', help: 'runs of each measurement' },
    'no-lighthouse': { type: 'boolean', help: 'skip the Lighthouse run' },
    'cold-only': { type: 'boolean', help: 'only the bare and cold builds (for the largest archives)' },
  },
} as const;
const { values: args } = readArgs(benchCommand);
const SIZES = args.articles.split(',').map(Number);
const RUNS = Number(args.runs);
if (SIZES.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error(
    `✗ --articles and --runs take whole numbers, e.g. --articles 250,1000 --runs 3\n${usage(benchCommand)}`,
  );
  process.exit(2);
}
const lighthouse = args['no-lighthouse'] !== true;
/** Only the bare and cold builds (the 10,000-article row asks for nothing else). */
const COLD_ONLY = args['cold-only'] === true;
const node = process.execPath;

spawnSync(node, [join(root, 'scripts', 'pull-figures.ts'), '--offline'], { cwd: root, stdio: 'inherit' });
const registry = JSON.parse(readFileSync(join(root, 'src', 'generated', 'figures.json'), 'utf8')) as Registry;

/**
 * Outputs, caches and projects the bench is done with are moved here and
 * deleted only when every measurement is over. On an ext4 file system without
 * a journal (common on cloud and CI machines), the kernel does not reuse a freed inode for a
 * minute or more and steps past each such inode whenever it creates a file:
 * deleting a cold run's 20,000 files right before the next build put 14% of
 * that build's CPU time in the kernel's file creation (a perf profile), time
 * owed to the bench's clean-up, not to the build.
 */
const trash = mkdtempSync(join(tmpdir(), 'aif-bench-trash-'));
// Last of all, and after a failed run too.
process.on('exit', () => rmSync(trash, { recursive: true, force: true }));
let discarded = 0;
function discard(path: string): void {
  if (!existsSync(path)) return;
  try {
    renameSync(path, join(trash, String(discarded++)));
  } catch {
    rmSync(path, { recursive: true, force: true });
  }
}

function project(kind: 'ours' | 'bare', N: number): string {
  const dir = mkdtempSync(join(tmpdir(), `aif-bench-${kind}-`));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (kind === 'ours') {
    for (const entry of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
      cpSync(join(root, entry), join(dir, entry), { recursive: true });
    rmSync(join(dir, 'src', 'generated', 'remote-cache'), { recursive: true, force: true });
  } else {
    mkdirSync(join(dir, 'src', 'pages', 'articles'), { recursive: true });
    mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
    writeFileSync(
      join(dir, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.com', integrations: [mdx()], outDir: process.env.ASTRO_OUT_DIR ?? './dist' });\n",
    );
    writeFileSync(
      join(dir, 'src', 'content.config.ts'),
      "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/articles' }) }) };\n",
    );
    writeFileSync(
      join(dir, 'src', 'pages', 'articles', '[id].astro'),
      "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('articles')).map((a) => ({ params: { id: a.id }, props: { a } })); }\nconst { Content } = await render(Astro.props.a);\n---\n<html lang=\"en\"><head><title>{Astro.props.a.data.title}</title></head><body><main><h1>{Astro.props.a.data.title}</h1><Content /></main></body></html>\n",
    );
    writeFileSync(
      join(dir, 'src', 'pages', 'index.astro'),
      "---\nimport { getCollection } from 'astro:content';\nconst all = await getCollection('articles');\n---\n<html lang=\"en\"><head><title>Bare</title></head><body><ul>{all.map((a) => <li><a href={`/articles/${a.id}/`}>{a.data.title}</a></li>)}</ul></body></html>\n",
    );
  }
  const articles = join(dir, 'content', 'articles');
  for (let i = 0; i < N; i++) {
    const a = syntheticArticle(i, registry, { bare: kind === 'bare', count: N });
    writeFileSync(join(articles, a.name), a.text);
  }
  return dir;
}

interface Run {
  seconds: number;
  rssMb?: number;
  /** The build's own summary: seconds per step. */
  steps?: Record<string, number>;
}

function timed(label: string, cwd: string, command: string[], env: NodeJS.ProcessEnv = {}): Run {
  process.stdout.write(`  ${label}… `);
  const hasTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const cmd = hasTime ? ['/usr/bin/time', '-f', 'AIF_MAXRSS_KB=%M', ...command] : command;
  const r = spawnSync(cmd[0]!, cmd.slice(1), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0)
    throw new Error(`${command.join(' ')} failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  // GNU time reports the peak RSS of the largest process it waited for (the build's children included).
  const kb = Number(/AIF_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
  // The build's summary lines: "  astro build        42.0 s  …".
  const steps: Record<string, number> = {};
  const summary = r.stdout.slice(r.stdout.lastIndexOf('✓ Built into'));
  for (const m of summary.matchAll(/^ {2}(\S(?:.*?\S)?)\s{2,}(?:(\d+) min )?(\d+(?:\.\d+)?) s/gm))
    if (m[1] !== 'total') steps[m[1]!] = Number(m[2] ?? 0) * 60 + Number(m[3]);
  const detail = /astro build .*?\d+ pages;(.*)$/m.exec(summary)?.[1]?.trim();
  console.log(
    `${formatSeconds(seconds * 1000)}${Number.isFinite(kb) ? `, peak ${Math.round(kb / 1024)} MB` : ''}${detail ? ` (${detail})` : ''}`,
  );
  return {
    seconds,
    rssMb: Number.isFinite(kb) ? Math.round(kb / 1024) : undefined,
    steps: Object.keys(steps).length ? steps : undefined,
  };
}

/** Lighthouse runs per page; the median score is reported (and the lowest performance score beside it). */
const LIGHTHOUSE_RUNS = 3;
/** NaN for no runs (a --cold-only bench), written as null in the JSON and "n/a" in the table. */
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
const dirSize = (d: string): number =>
  readdirSync(d, { withFileTypes: true }).reduce(
    (s, e) => s + (e.isDirectory() ? dirSize(join(d, e.name)) : statSync(join(d, e.name)).size),
    0,
  );
const countHtml = (d: string): number =>
  readdirSync(d, { withFileTypes: true }).reduce(
    (s, e) => s + (e.isDirectory() ? countHtml(join(d, e.name)) : e.name.endsWith('.html') ? 1 : 0),
    0,
  );
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Issue 15's targets. */
const TARGETS = {
  coldRatio: 3,
  warmRatio: 1.5,
  oneChangeRatio: 1.5,
  outputMb: 120,
  peakRssMb: 1024,
  msPerChart: 15,
  checkSeconds: 3,
  tenThousandColdSeconds: 900,
};

interface SizeResult {
  articles: number;
  pages: number;
  baselineSeconds: number;
  coldSeconds: number;
  warmSeconds: number;
  oneChangeSeconds: number;
  coldToBaseline: number;
  warmToBaseline: number;
  oneChangeToBaseline: number;
  coldSecondsPerArticle: number;
  contentCheckSeconds: number;
  peakRssMb: number | null;
  outputMb: number;
  outputByFolderMb: Record<string, number>;
  coldSteps?: Record<string, number>;
  warmSteps?: Record<string, number>;
  dev?: DevTimings;
  /** The bare site's dev server, measured the same way. */
  devBare?: DevTimings;
  projectDir: string;
  bareDir: string;
}

interface DevTimings {
  /** From starting `npm run dev` to the server saying it is ready. */
  readySeconds: number;
  /** From ready to the first article page served in full. */
  firstPageSeconds: number;
  /** From saving an edited article to the page serving the edit (median of 3 edits). */
  editSeconds: number;
}

/**
 * The `i`-th synthetic article by file name (the last one in a smaller archive): the one the bench edits.
 * Only synthetic articles have the section the edit goes before; a showcase article would be left unchanged.
 */
function syntheticArticleFile(dir: string, i: number): string {
  const names = readdirSync(join(dir, 'content', 'articles'))
    .filter((f) => f.includes('-synthetic-'))
    .sort();
  return join(dir, 'content', 'articles', names[Math.min(i, names.length - 1)]!);
}

/** Start the dev server on a built project, time its first article page and how soon an edit is served. */
async function devTimings(dir: string, kind: 'ours' | 'bare'): Promise<DevTimings> {
  process.stdout.write(kind === 'ours' ? '  dev server… ' : '  bare dev server… ');
  const file = syntheticArticleFile(dir, 7);
  // Our slugs drop the date from the file name; the bare site's ids are the file name.
  const slug = file.replace(kind === 'ours' ? /^.*\/\d{4}-\d{2}-\d{2}-/ : /^.*\//, '').replace(/\.mdx$/, '');
  const port = 43000 + (process.pid % 1000);
  const start = performance.now();
  const command =
    kind === 'ours'
      ? [join(dir, 'scripts', 'dev.ts'), '--port', String(port)]
      : [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port)];
  const child = spawn(node, command, {
    cwd: dir,
    env: { ...process.env, BUILD_DATE: '2026-11-24T00:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const ready = new Promise<number>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready in|Local\s+http/i.test(log)) resolvePromise(performance.now());
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev server exited (${code}):\n${log.slice(-2000)}`)));
  });
  const url = `http://127.0.0.1:${port}/articles/${slug}/`;
  const page = async () => {
    const r = await fetch(url);
    return { status: r.status, text: await r.text() };
  };
  try {
    const readyAt = await ready;
    let first = await page();
    if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
    const firstAt = performance.now();
    const edits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const marker = `Dev edit ${i} ${Date.now()}`;
      writeFileSync(file, readFileSync(file, 'utf8').replace('\n## How it ends', `\n\n${marker}.\n\n## How it ends`));
      const saved = performance.now();
      do {
        await new Promise((r) => setTimeout(r, 25));
        first = await page();
      } while (!first.text.includes(marker) && performance.now() - saved < 30_000);
      if (!first.text.includes(marker)) throw new Error(`the edit did not reach ${url} within 30 s`);
      edits.push(performance.now() - saved);
    }
    const result = {
      readySeconds: round((readyAt - start) / 1000, 2),
      firstPageSeconds: round((firstAt - readyAt) / 1000, 2),
      editSeconds: round(median(edits) / 1000, 2),
    };
    console.log(
      `ready ${result.readySeconds} s, first article page ${result.firstPageSeconds} s later, an edit served after ${result.editSeconds} s`,
    );
    return result;
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

function benchSize(N: number): SizeResult {
  console.log(`\n${N} synthetic articles:`);
  const ours = project('ours', N);
  const bare = project('bare', N);
  const build = (label: string) =>
    timed(label, ours, [node, join(ours, 'scripts', 'build.ts'), '--offline', '--allow-placeholder-url'], {
      BUILD_DATE: '2026-11-24T00:00:00Z',
    });
  const cold: Run[] = [];
  const warm: Run[] = [];
  const changed: Run[] = [];
  const baseline: Run[] = [];
  const check: Run[] = [];
  for (let r = 0; r < RUNS; r++) {
    const of = RUNS > 1 ? ` ${r + 1}/${RUNS}` : '';
    for (const d of ['dist', '.cache', '.astro']) discard(join(ours, d));
    for (const d of ['dist', '.astro']) discard(join(bare, d));
    // Bare first, then ours: both cold, one after the other, under the same machine load.
    baseline.push(
      timed(`bare Astro build${of}`, bare, [
        node,
        join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
        'build',
        '--silent',
      ]),
    );
    cold.push(build(`cold build${of}`));
    // Both sites must show the whole archive, or the ratios compare different work.
    const published = readdirSync(join(ours, 'dist', 'articles')).filter((d) => d.startsWith('synthetic-')).length;
    if (published !== N) throw new Error(`Our build published ${published} of ${N} synthetic articles`);
    if (COLD_ONLY) continue;
    warm.push(build(`warm rebuild, nothing changed${of}`));
    const file = syntheticArticleFile(ours, 5);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('\n## How it ends', `\n\nEdited in run ${r}.\n\n## How it ends`),
    );
    changed.push(build(`rebuild after one article changed${of}`));
    check.push(
      timed(`content check${of}`, ours, [node, join(ours, 'scripts', 'check.ts'), '--content-only'], {
        BUILD_DATE: '2026-11-24T00:00:00Z',
      }),
    );
  }
  const dist = join(ours, 'dist');
  const baselineSeconds = median(baseline.map((r) => r.seconds));
  const coldSeconds = median(cold.map((r) => r.seconds));
  const warmSeconds = median(warm.map((r) => r.seconds));
  const oneChangeSeconds = median(changed.map((r) => r.seconds));
  const byFolder = Object.fromEntries(
    readdirSync(dist, { withFileTypes: true })
      .map((e) => [e.name, e.isDirectory() ? dirSize(join(dist, e.name)) : statSync(join(dist, e.name)).size] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => [k, round(v / 1e6, 1)]),
  );
  return {
    articles: N,
    pages: countHtml(dist),
    baselineSeconds: round(baselineSeconds, 1),
    coldSeconds: round(coldSeconds, 1),
    warmSeconds: round(warmSeconds, 1),
    oneChangeSeconds: round(oneChangeSeconds, 1),
    coldToBaseline: round(coldSeconds / baselineSeconds),
    warmToBaseline: round(warmSeconds / baselineSeconds),
    oneChangeToBaseline: round(oneChangeSeconds / baselineSeconds),
    coldSecondsPerArticle: round(coldSeconds / N, 3),
    contentCheckSeconds: round(median(check.map((r) => r.seconds)), 1),
    peakRssMb: Math.max(...cold.map((r) => r.rssMb ?? 0)) || null,
    outputMb: round(dirSize(dist) / 1e6, 1),
    outputByFolderMb: byFolder,
    coldSteps: cold[cold.length - 1]!.steps,
    warmSteps: warm.at(-1)?.steps,
    projectDir: ours,
    bareDir: bare,
  };
}

const sizes: SizeResult[] = [];
for (const N of SIZES) {
  const size = benchSize(N);
  if (!COLD_ONLY) {
    size.dev = await devTimings(size.projectDir, 'ours');
    size.devBare = await devTimings(size.bareDir, 'bare');
  }
  discard(size.bareDir);
  sizes.push(size);
}
// Keep the largest site for Lighthouse; the others are only disk.
for (const s of sizes.slice(0, -1)) discard(s.projectDir);
const chartMs = await chartRenderTimes(20);
const msPerStaticChart = round(median(chartMs), 1);
let scores: Record<string, Record<string, number>> = {};
if (lighthouse) scores = await runLighthouse(sizes[sizes.length - 1]!.projectDir);
else discard(sizes[sizes.length - 1]!.projectDir);

const result = {
  runs: RUNS,
  cores: availableParallelism(),
  targets: TARGETS,
  sizes,
  msPerStaticChart,
  lighthouse: scores,
};
mkdirSync(join(root, '.cache', 'bench'), { recursive: true });
writeFileSync(join(root, '.cache', 'bench', 'result.json'), JSON.stringify(result, null, 2));

const met = (ok: boolean) => (ok ? 'met' : 'missed');
const cols = sizes.map((s) => `${s.articles} articles`);
const row = (name: string, values: string[], note = '') => console.log(`| ${name} | ${values.join(' | ')} | ${note} |`);
console.log(`\n| measure | ${cols.join(' | ')} | target |\n|---|${cols.map(() => '---|').join('')}---|`);
row(
  'pages',
  sizes.map((s) => String(s.pages)),
);
row(
  'bare Astro build',
  sizes.map((s) => formatSeconds(s.baselineSeconds * 1000)),
);
row(
  'cold build ÷ bare',
  sizes.map((s) => `${s.coldToBaseline}× (${formatSeconds(s.coldSeconds * 1000)})`),
  `≤ ${TARGETS.coldRatio}×: ${met(sizes.every((s) => s.coldToBaseline <= TARGETS.coldRatio))}`,
);
row(
  'warm rebuild (nothing changed) ÷ bare',
  sizes.map((s) =>
    Number.isFinite(s.warmSeconds) ? `${s.warmToBaseline}× (${formatSeconds(s.warmSeconds * 1000)})` : 'n/a',
  ),
  `≤ ${TARGETS.warmRatio}×: ${met(sizes.every((s) => s.warmToBaseline <= TARGETS.warmRatio))}`,
);
row(
  'rebuild after one article changed ÷ bare',
  sizes.map((s) =>
    Number.isFinite(s.oneChangeSeconds)
      ? `${s.oneChangeToBaseline}× (${formatSeconds(s.oneChangeSeconds * 1000)})`
      : 'n/a',
  ),
  `≤ ${TARGETS.oneChangeRatio}×: ${met(sizes.every((s) => s.oneChangeToBaseline <= TARGETS.oneChangeRatio))}`,
);
row(
  'cold cost per article',
  sizes.map((s) => `${Math.round(s.coldSecondsPerArticle * 1000)} ms`),
  'flat if linear',
);
row(
  'output size',
  sizes.map((s) => `${s.outputMb} MB`),
  `≤ ${TARGETS.outputMb} MB at 1,000`,
);
row(
  'peak memory (cold)',
  sizes.map((s) => (s.peakRssMb ? `${s.peakRssMb} MB` : 'n/a')),
  `≤ 1 GB at 1,000`,
);
row(
  'content check',
  sizes.map((s) => (Number.isFinite(s.contentCheckSeconds) ? formatSeconds(s.contentCheckSeconds * 1000) : 'n/a')),
  `≤ ${TARGETS.checkSeconds} s at 1,000`,
);
row(
  'static chart (both themes, both sizes)',
  sizes.map(() => `${msPerStaticChart} ms`),
  `≤ ${TARGETS.msPerChart} ms or off the critical path (drawn in a pool of ${availableParallelism()} beside page rendering)`,
);
const bareDev = (s: SizeResult, text: (d: DevTimings) => string) => (s.devBare ? ` (bare ${text(s.devBare)})` : '');
row(
  'dev server: ready, then first article page',
  sizes.map((s) => {
    const text = (d: DevTimings) => `${d.readySeconds} s + ${d.firstPageSeconds} s`;
    return s.dev ? `${text(s.dev)}${bareDev(s, text)}` : 'n/a';
  }),
  'first page ≤ 2 s',
);
row(
  'dev server: an article edit served',
  sizes.map((s) => (s.dev ? `${s.dev.editSeconds} s${bareDev(s, (d) => `${d.editSeconds} s`)}` : 'n/a')),
  '≤ 1 s',
);
const big = sizes.find((s) => s.articles >= 10000);
row(
  '10,000 articles, cold',
  sizes.map(() => (big ? formatSeconds(big.coldSeconds * 1000) : 'not run')),
  `≤ 15 min${big ? `: ${met(big.coldSeconds <= TARGETS.tenThousandColdSeconds)}` : ''}`,
);
for (const s of sizes) {
  const steps = (x?: Record<string, number>) =>
    x
      ? Object.entries(x)
          .map(([k, v]) => `${k} ${v} s`)
          .join(', ')
      : 'n/a';
  console.log(
    `\n${s.articles} articles: cold steps: ${steps(s.coldSteps)}; warm steps: ${steps(s.warmSteps)}; largest output folders (MB): ${Object.entries(
      s.outputByFolderMb,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}
for (const [page, sc] of Object.entries(scores))
  console.log(
    `Lighthouse ${page} (median of ${LIGHTHOUSE_RUNS} runs): ${Object.entries(sc)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
console.log(`\nJSON: ${join(root, '.cache', 'bench', 'result.json')}`);

async function runLighthouse(site: string): Promise<Record<string, Record<string, number>>> {
  const urlFile = join(tmpdir(), `aif-bench-url-${process.pid}`);
  rmSync(urlFile, { force: true });
  const server = spawn(node, [join(root, 'scripts', 'lib', 'serve-dir.ts'), join(site, 'dist'), urlFile], {
    stdio: 'inherit',
  });
  for (let i = 0; i < 100 && !existsSync(urlFile); i++) spawnSync('sleep', ['0.1']);
  const base = existsSync(urlFile) ? readFileSync(urlFile, 'utf8') : '';
  const out: Record<string, Record<string, number>> = {};
  const chrome = chromiumForTests();
  try {
    for (const slug of ['bytedance-200-billion-ai-bet', 'tokens-versus-revenue']) {
      // Lighthouse simulates a phone on a slow network from one observed load, and a static server's first
      // answers (its code not yet compiled, files not yet read) make that load slower than the page: the first
      // run scored 94–95 where the next ones scored 99–100. So the server answers the page once before, and the
      // score is the median of LIGHTHOUSE_RUNS runs, as Lighthouse's own advice on variability has it.
      await fetch(`${base}/articles/${slug}/`).then((r) => r.arrayBuffer());
      const runs: Array<Record<string, number>> = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
        const scores = lighthouseOnce(`${base}/articles/${slug}/`, slug, chrome);
        if (scores) runs.push(scores);
      }
      if (runs.length === 0) continue;
      out[slug] = Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
      out[slug]['lowest performance'] = Math.min(...runs.map((r) => r.performance!));
    }
  } finally {
    server.kill();
  }
  return out;
}

/** One Lighthouse run (mobile) on a page: each category's score out of 100, or nothing when it failed. */
function lighthouseOnce(url: string, slug: string, chrome: string): Record<string, number> | undefined {
  const report = join(tmpdir(), `aif-lh-${slug}.json`);
  const r = spawnSync(
    node,
    [
      join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--form-factor=mobile',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, CHROME_PATH: chrome },
    },
  );
  if (r.status !== 0 || !existsSync(report)) {
    console.error(`Lighthouse failed on ${slug}: ${r.stderr.slice(-500)}`);
    return undefined;
  }
  const categories = (JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number }> })
    .categories;
  return Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
}

/** Draw distinct synthetic charts one after another into an empty cache: the cost of one chart (SVG at both sizes, both themes). */
async function chartRenderTimes(count: number): Promise<number[]> {
  const { resolveChart } = await import('../src/lib/charts/spec.ts');
  const { chartImages } = await import('../src/lib/build/chart-cache.ts');
  const dir = mkdtempSync(join(tmpdir(), 'aif-bench-charts-'));
  const lookup = {
    figure: (id: string) => registry.figures[id],
    series: (id: string) => registry.series[id],
    figureIds: () => Object.keys(registry.figures),
    seriesIds: () => Object.keys(registry.series),
  };
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const chart = resolveChart(
      {
        type: i % 2 ? 'bar' : 'line',
        title: `Bench chart ${i}`,
        labels: ['2023', '2024', '2025'],
        datasets: [{ label: 'Spend', values: [40 + i, 75, 85 + i] }],
        unit: 'CNY',
        scale: 'billion',
      },
      lookup,
      { file: 'bench' },
    );
    const start = performance.now();
    const frame = { title: chart.title, subtitle: 'Yuan', source: 'Bench', site: 'AI Frontier' };
    await chartImages(chart, dir, frame).done;
    times.push(performance.now() - start);
  }
  rmSync(dir, { recursive: true, force: true });
  return times;
}
