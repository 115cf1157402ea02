/**
 * `npm run build`: build the site into a staging folder and swap it into
 * `dist/` only when every step succeeded, so a failed build leaves the
 * previous `dist/` exactly as it was.
 *
 * Usage: node scripts/build.ts [--out DIR] [--offline] [--allow-placeholder-url]
 * (the last for local previews and tests: src/lib/site-address.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutStackTraces } from '../src/lib/errors.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = resolve(root, outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : 'dist');
// Staging sits beside the output so the final rename stays on one file system.
const staging = join(dirname(outDir), `.${basename(outDir)}-staging-${process.pid}`);

// Vite reads these from the environment; a stray DEV=1 (test runners set it) would publish drafts.
const { DEV: _dev, PROD: _prod, MODE: _mode, SSR: _ssr, BASE_URL: _base, ...cleanEnv } = process.env;

function step(name: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', env: { ...cleanEnv, ...env }, maxBuffer: 256 * 1024 * 1024 });
  if (result.stdout) process.stdout.write(withoutStackTraces(result.stdout));
  if (result.stderr) process.stderr.write(withoutStackTraces(result.stderr));
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\n✗ ${name} failed; ${outDir.replace(root + '/', '')}/ was left as it was.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(staging), { recursive: true });

const node = process.execPath;
step('figures', node, [join(root, 'scripts', 'pull-figures.ts'), '--summary', ...(args.includes('--offline') ? ['--offline'] : [])]);
step('content check', node, [join(root, 'scripts', 'check.ts'), '--content-only']);
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const allowPlaceholder = args.includes('--allow-placeholder-url') ? { ALLOW_PLACEHOLDER_URL: '1' } : {};
step('astro build', node, [astro, 'build', '--silent'], { ASTRO_OUT_DIR: staging, NODE_ENV: 'production', ...allowPlaceholder });
// Search index over the built pages (only elements marked data-pagefind-body are indexed).
step('search index', node, [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', staging, '--silent']);

// Swap: the old output moves aside first, so a crash between renames loses nothing.
const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`✓ Built into ${outDir.replace(root + '/', '')}/`);
