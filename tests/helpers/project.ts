import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the main test site lands (built once per run: tests/sites/sites.ts). */
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

/** What a copy of the project holds: everything a build and the scripts read (node_modules is linked). */
const PROJECT_ENTRIES = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * A copy of the project (without node_modules, which is linked) for tests that change content: into a
 * throw-away folder, or into `dir` (made anew); of the project itself, or of another copy (`from`, such as
 * a test site of tests/sites/sites.ts).
 */
export function copyProject(dir = mkdtempSync(join(tmpdir(), 'aif-project-')), from = projectRoot): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
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
