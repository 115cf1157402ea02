/**
 * `npm run check`: the content linter (file:line for every finding), then
 * `astro check` for types. Exit code 1 when there is any error; warnings and
 * scheduled articles are listed separately and do not fail.
 *
 * Usage: node scripts/check.ts [--content-only] [--strict]
 *   --content-only  skip astro check (the build runs this mode first)
 *   --strict        treat warnings as errors
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject } from '../src/lib/lint/lint.ts';
import { formatDiagnostic, type Severity } from '../src/lib/lint/diagnostic.ts';
import { loadChartLookup, loadFigureIndex } from './lib/figure-index.ts';

const root = resolve(process.env.AIF_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const args = process.argv.slice(2);
const contentOnly = args.includes('--content-only');
const strict = args.includes('--strict');
const now = process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date();

const { diagnostics, articles } = lintProject(root, { now, figures: loadFigureIndex(root), chartLookup: loadChartLookup(root) });
const by = (s: Severity) => diagnostics.filter((d) => d.severity === s);
const errors = by('error');
const warnings = by('warning');
const infos = by('info');

const section = (title: string, list: typeof diagnostics, stream: (s: string) => void) => {
  if (list.length === 0) return;
  stream(`\n${title} (${list.length}):\n`);
  for (const d of list) stream(`${formatDiagnostic(d)}\n`);
};
section('✗ Errors', errors, (s) => process.stderr.write(s));
// The build runs the content-only mode: it shows errors in full and only counts the rest.
if (!contentOnly || strict) {
  section('⚠ Warnings', warnings, (s) => process.stdout.write(s));
  section('ℹ Scheduled', infos, (s) => process.stdout.write(s));
}

const failed = errors.length > 0 || (strict && warnings.length > 0);
console.log(`${failed ? '✗' : '✓'} ${articles.length} article(s): ${errors.length} error(s), ${warnings.length} warning(s), ${infos.length} scheduled${contentOnly && warnings.length > 0 ? ' (npm run check lists them)' : ''}`);
if (failed) process.exit(1);

if (!contentOnly) {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'check'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
