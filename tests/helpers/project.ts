import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the build tests' shared build lands (made once by tests/build/global-setup.ts). */
export const testDist = join(projectRoot, '.cache', 'test-dist');

/** Run one of the project's scripts with the Node that runs the tests (Node 24 under npm). */
export function runScript(
  script: string,
  args: string[] = [],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(opts.cwd ?? projectRoot, script), ...args], {
    cwd: opts.cwd ?? projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
  });
}

/** A throw-away copy of the project (without node_modules, which is linked) for tests that break content. */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aif-project-'));
  for (const entry of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  }
  spawnSync('ln', ['-s', join(projectRoot, 'node_modules'), join(dir, 'node_modules')]);
  // Drawn charts, social cards and parsed trees are named by a hash of what they show and written
  // atomically, so copies share the project's cache: a copy's build draws only what its changes made new.
  for (const kind of ['charts', 'og', 'mdx-trees']) {
    mkdirSync(join(projectRoot, '.cache', kind), { recursive: true });
    mkdirSync(join(dir, '.cache'), { recursive: true });
    symlinkSync(join(projectRoot, '.cache', kind), join(dir, '.cache', kind));
  }
  return dir;
}

export function readDist(path: string, dist = testDist): string {
  return readFileSync(join(dist, path), 'utf8');
}

/** Like runScript, but without blocking the event loop (for tests that serve HTTP in-process). */
export function runScriptAsync(
  script: string,
  args: string[] = [],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(opts.cwd ?? projectRoot, script), ...args], {
      cwd: opts.cwd ?? projectRoot,
      env: { ...process.env, ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}
