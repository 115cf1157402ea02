/**
 * `npm run check`: content checks with file:line messages (and, without
 * --content-only, `astro check` for types). The build runs the content part
 * first so authors see our messages rather than a stack trace.
 *
 * Usage: node scripts/check.ts [--content-only]
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArticles } from '../src/lib/content/check-articles.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const contentOnly = process.argv.includes('--content-only');

const { articles, errors } = checkArticles(root);
if (errors.length > 0) {
  console.error(`✗ ${errors.length} error(s) in content:\n`);
  for (const e of errors) console.error(`${e.message}\n`);
  process.exit(1);
}
if (!contentOnly) console.log(`✓ ${articles.length} article(s) checked`);

if (!contentOnly) {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'check'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
