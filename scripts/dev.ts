/**
 * `npm run dev`: pull the figures once, then run the figures script in watch
 * mode beside `astro dev`, so editing an article or a figures file updates
 * the open page. Ctrl-C stops both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './lib/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = readArgs({
  command: 'npm run dev --',
  options: {
    port: { type: 'string', value: 'N', help: 'serve on this port (default 4321, or the next free one)' },
    host: { type: 'boolean', help: 'listen on every network address, to open the site from another device' },
    open: { type: 'boolean', help: 'open the site in the browser' },
  },
});
// astro dev's own flags, passed on as given.
const astroArgs = [
  ...(args.port ? ['--port', args.port] : []),
  ...(args.host === true ? ['--host'] : []),
  ...(args.open === true ? ['--open'] : []),
];
const node = process.execPath;
const figures = join(root, 'scripts', 'pull-figures.ts');

const first = spawnSync(node, [figures, '--offline', '--summary'], { cwd: root, stdio: 'inherit' });
if (first.status !== 0) console.error('Figures have errors (above); the dev server starts with the last good data.');

const children = [
  spawn(node, [figures, '--offline', '--watch', '--summary'], { cwd: root, stdio: 'inherit' }),
  spawn(node, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', ...astroArgs], {
    cwd: root,
    stdio: 'inherit',
  }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children)
  c.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
