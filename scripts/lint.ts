/**
 * `npm run lint`: the lint and format gate. Makes what the type-aware rules read (the figures registry,
 * offline, and Astro's content types), then runs ESLint (type-aware rules on .ts files, no warning allowed) and Prettier's
 * check side by side, and fails when either finds something. `--no-generate` skips the first part, for
 * a caller that has just built the site (tests/gates/lint.test.ts, inside `npm test`).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Progress } from './lib/progress.ts';
import { readArgs } from './lib/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = (pkg: string, file: string) => join(root, 'node_modules', pkg, file);
const opts = { cwd: root, env: process.env };
const progress = new Progress();

const { values: args } = readArgs({
  command: 'npm run lint --',
  options: {
    'no-generate': {
      type: 'boolean',
      help: 'skip making the figure data and types first (a caller that just built the site)',
    },
  },
});
const steps =
  args['no-generate'] === true
    ? []
    : ([
        ['figures', [join(root, 'scripts', 'pull-figures.ts'), '--offline', '--summary']],
        ['astro sync', [bin('astro', 'bin/astro.mjs'), 'sync']],
      ] as const);
for (const [name, args] of steps) {
  if ((await progress.run(name, node, [...args], opts)).status !== 0) process.exit(1);
}
const results = await Promise.all([
  progress.run('eslint', node, [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.'], opts),
  progress.run('prettier', node, [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'], opts),
]);
if (results.some((r) => r.status !== 0)) {
  console.error('\n✗ Lint failed (above). `npm run format` fixes formatting and what ESLint can fix by itself.');
  process.exit(1);
}
