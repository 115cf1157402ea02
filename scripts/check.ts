/**
 * `npm run check`: the content check (figures registry, then every article,
 * file:line for each finding) with its own summary, then `astro check` for
 * types, quiet unless it finds something. Exit code 1 when there is an error;
 * warnings and scheduled articles are listed and do not fail.
 *
 * Warnings about the figures registry are one summary line, split into those
 * from your change (listed in full) and those already there, compared with
 * the last commit (git) or with a file named by --since.
 *
 * Usage: `npm run check -- --help` (the options are described below, in `command`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { readArgs } from './lib/args.ts';
import { registryBaseline } from './lib/registry-baseline.ts';
import { httpsAnswers } from '../src/lib/lint/https-probe.ts';
import { lintProject } from '../src/lib/lint/lint.ts';
import { formatDiagnostic, type Diagnostic } from '../src/lib/lint/diagnostic.ts';
import {
  isRegistryWarning,
  registryDiagnostics,
  registryWarningKinds,
  selectForFiles,
  sortDiagnostics,
  splitByBaseline,
} from '../src/lib/lint/report.ts';
import { prepareFiguresOffline, GENERATED_DIR } from './lib/prepare-figures.ts';
import { toFigureIndex } from './lib/figure-index.ts';
import { registryLookup } from '../src/lib/charts/spec.ts';
import { site } from '../src/site.config.ts';
import { CACHE_DIR } from '../src/lib/build/cache-dir.ts';

const root = resolve(process.env.AIF_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const { values: opts, positionals } = readArgs({
  command: 'npm run check --',
  operands: '[ARTICLE…]',
  options: {
    'content-only': { type: 'boolean', help: 'skip the type check (the build runs this mode)' },
    strict: { type: 'boolean', help: 'treat warnings as errors' },
    offline: { type: 'boolean', help: 'do not ask http links whether their site answers over https' },
    since: {
      type: 'string',
      value: 'REF|FILE',
      default: 'HEAD',
      help: 'registry warnings not in this git commit, or not in this file (a saved npm run figures output), are shown as new',
    },
  },
});
const now = process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date();
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

// The articles asked for, as the linter names files (relative to the root).
const only = positionals.map((p) => {
  const abs = resolve(process.cwd(), p);
  if (!existsSync(abs)) {
    console.error(`✗ ${p}: no such file. Give the path of an article, e.g. content/articles/2026-03-02-some-title.mdx`);
    process.exit(2);
  }
  return relative(root, abs);
});
for (const file of only) {
  if (!/^content[\\/]articles[\\/].+\.mdx$/.test(file)) {
    console.error(
      `✗ ${file} is not an article: give a file in content/articles/ (e.g. content/articles/2026-03-02-some-title.mdx), or no file to check everything.`,
    );
    process.exit(2);
  }
}
// 1. The figures registry, built offline (so a fresh checkout needs no earlier step) and written for the type check.
const figures = prepareFiguresOffline(root);
// With registry errors, articles are checked against what did validate; ids of broken entries are known.
const registry = figures.registry ?? figures.partial;

// 2. The articles, checked against that registry.
const { diagnostics: linted, articles } = lintProject(root, {
  now,
  pageSize: site.pageSize,
  figures: toFigureIndex(registry, figures.broken),
  chartLookup: registryLookup(registry),
  treeCacheFile: join(CACHE_DIR, 'mdx-trees', 'trees.jsonl'),
});
// Registry sources that link to a home page, or over plain http (logic in src/lib/figures/sources.ts).
const sourceWarnings = figures.warnings.map((w): Diagnostic => ({ severity: 'warning', ...w }));
const all = sortDiagnostics([
  ...registryDiagnostics(figures.errors, figures.discrepancies),
  ...sourceWarnings,
  ...linted,
]);
const { shown, elsewhere } = selectForFiles(all, only);
// Plain http links: ask each site whether https answers the same, so the fix can name the address.
// Not in the build's content-only mode (no network there), nor with --offline.
const httpLinks = shown.filter((d) => d.httpUrl);
if (httpLinks.length > 0 && !opts['content-only'] && opts.offline !== true) {
  const answers = await httpsAnswers(httpLinks.map((d) => d.httpUrl!));
  for (const d of httpLinks) {
    const answer = answers.get(d.httpUrl!)!;
    d.fix = answer.https
      ? `Write ${answer.https}: the site answers the same over https.`
      : `The site did not answer the same over https (${answer.why}); keep http only if it has no https version, or link to another copy of the page.`;
  }
}
// Warnings about the registry go to whoever edits it: one line here, in full from `npm run figures`.
const registryWarnings = shown.filter(isRegistryWarning);
const listed = shown.filter((d) => !isRegistryWarning(d));
const errors = listed.filter((d) => d.severity === 'error');
const warnings = listed.filter((d) => d.severity === 'warning');
const infos = listed.filter((d) => d.severity === 'info');

const section = (title: string, list: Diagnostic[], write: (s: string) => void) => {
  if (list.length === 0) return;
  write(`\n${title} (${list.length}):\n`);
  for (const d of list) write(`${formatDiagnostic(d)}\n`);
};
section('✗ Errors', errors, (s) => process.stderr.write(s));
section('✗ Errors in other files that would stop the build', elsewhere, (s) => process.stderr.write(s));
// The build runs the content-only mode: it shows errors in full and only counts the rest.
const contentOnly = opts['content-only'];
if (!contentOnly || opts.strict) {
  section('⚠ Warnings', warnings, (s) => process.stdout.write(s));
  section('ℹ Scheduled', infos, (s) => process.stdout.write(s));
}
if (registryWarnings.length > 0) {
  // New ones in full, for whoever just made them; the ones already there as a count.
  const since = opts.since;
  const baseline = existsSync(resolve(process.cwd(), since))
    ? { text: readFileSync(resolve(process.cwd(), since), 'utf8'), name: since }
    : registryBaseline(root, since, now);
  if (!baseline) {
    console.log(
      `\n⚠ Figures registry: ${registryWarnings.length} warning(s) (${registryWarningKinds(registryWarnings)}); npm run figures lists them. (No git commit ${since} to tell which are new: --since FILE compares with a saved npm run figures output.)`,
    );
  } else {
    const { fresh, known } = splitByBaseline(registryWarnings, baseline.text);
    section(`⚠ Registry warnings from your change (not in ${baseline.name})`, fresh, (s) => process.stdout.write(s));
    console.log(
      `\n⚠ Figures registry: ${registryWarnings.length} warning(s): ${fresh.length} from your change, ${known.length} already there${known.length ? ` (${registryWarningKinds(known)}; npm run figures lists them)` : ''}.`,
    );
  }
}

const blocking = errors.length + elsewhere.length;
const failed = blocking > 0 || (opts.strict && warnings.length > 0);
const what = only.length > 0 ? only.join(', ') : `${articles.length} article(s)`;
const generated = figures.wrote ? `; figure data written to ${GENERATED_DIR}/` : '';
console.log(
  `\n${failed ? '✗' : '✓'} Content: ${what}: ${errors.length} error(s)${elsewhere.length ? ` (+${elsewhere.length} elsewhere)` : ''}, ${warnings.length} warning(s), ${infos.length} scheduled${contentOnly && warnings.length > 0 ? ' (npm run check lists them)' : ''}${generated} [${seconds(started)}]`,
);
if (failed) process.exit(1);
if (contentOnly) process.exit(0);
if (only.length > 0) {
  console.log('  Type check skipped when checking single articles; run npm run check with no file to include it.');
  process.exit(0);
}

// 3. Types: astro check, quiet unless it finds an error or a warning (hints are not shown).
const typeStart = performance.now();
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'check', '--minimumSeverity', 'warning'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  maxBuffer: 64 * 1024 * 1024,
});
// Only the findings and the result count, without the sync/progress lines (and without colour when not on a terminal).
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  .split('\n')
  .filter((l) => !/^\s*\d\d:\d\d:\d\d\s/.test(stripVTControlCharacters(l)))
  .map((l) => (process.stdout.isTTY ? l : stripVTControlCharacters(l)))
  .join('\n')
  .trim();
const typeWarnings = Number(/(\d+) warnings?/.exec(stripVTControlCharacters(output))?.[1] ?? 0);
if (result.status === 0 && typeWarnings === 0) {
  console.log(`✓ Types: astro check found nothing [${seconds(typeStart)}]`);
} else if (result.status === 0) {
  process.stdout.write(`${output}\n`);
  console.log(`⚠ Types: astro check found ${typeWarnings} warning(s) [${seconds(typeStart)}]`);
} else {
  process.stderr.write(`${output}\n`);
  console.error(`✗ Types: astro check failed [${seconds(typeStart)}]`);
  process.exit(result.status ?? 1);
}
