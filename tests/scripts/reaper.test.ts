/**
 * Children die with their parent: a parent that runs a step through the reaper is killed with
 * SIGKILL (no code of its own runs), and the step and the step's own child stop within seconds.
 * Without the reaper the same step runs on, which shows the test can fail.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIsAlive } from '../../scripts/lib/leftovers.ts';
import { projectRoot } from '../helpers/project.ts';

/** A step that starts a child of its own, prints both ids and runs until stopped. */
const STEP = `const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('ids', process.pid, c.pid);
setInterval(() => {}, 1000);`;

function parentScript(watched: boolean): string {
  const file = join(mkdtempSync(join(tmpdir(), 'aif-reaper-')), 'parent.ts');
  const reaper = join(projectRoot, 'scripts', 'lib', 'reaper.ts');
  writeFileSync(
    file,
    watched
      ? `import { Reaper, runWatched } from ${JSON.stringify(reaper)};\nvoid runWatched(new Reaper(), process.execPath, ['-e', ${JSON.stringify(STEP)}], {});\n`
      : `import { spawn } from 'node:child_process';\nspawn(process.execPath, ['-e', ${JSON.stringify(STEP)}], { stdio: 'inherit' });\n`,
  );
  return file;
}

/** Start the parent, wait for the step's ids, kill the parent with SIGKILL; the step's and its child's ids. */
async function killParent(watched: boolean): Promise<number[]> {
  const parent = spawn(process.execPath, [parentScript(watched)], { stdio: ['ignore', 'pipe', 'ignore'] });
  const ids = await new Promise<number[]>((resolve, reject) => {
    let out = '';
    parent.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /ids (\d+) (\d+)/.exec(out);
      if (m) resolve([Number(m[1]), Number(m[2])]);
    });
    parent.on('exit', () => reject(new Error(`the parent ended before its step started: ${out}`)));
  });
  parent.kill('SIGKILL');
  return ids;
}

/** Stop what the test started that still runs (when a check failed). */
function stop(pids: number[]): void {
  for (const pid of pids) if (processIsAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function gone(pids: number[], ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (pids.every((p) => !processIsAlive(p))) return true;
  return false;
}

describe.skipIf(process.platform === 'win32')('steps stop when the command that runs them is killed', () => {
  it('the step and its own child stop within seconds of a SIGKILL to the parent', { timeout: 20_000 }, async () => {
    const ids = await killParent(true);
    try {
      expect(await gone(ids, 8000), `still running: ${ids.filter(processIsAlive).join(', ')}`).toBe(true);
    } finally {
      stop(ids);
    }
  });

  it('without the reaper they run on (what the reaper prevents)', { timeout: 20_000 }, async () => {
    const ids = await killParent(false);
    try {
      expect(await gone(ids, 1500)).toBe(false);
    } finally {
      stop(ids);
    }
  });
});
