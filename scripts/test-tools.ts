/**
 * `npm test`'s first step (and so `.ci/run`'s): make sure Chromium and Java 17+
 * are there before any test runs. Found: print where. Missing on Debian or
 * Ubuntu as root: install with apt-get, then look again. Otherwise stop at
 * once with one message naming the command to run (exit 1).
 *
 * Usage: node scripts/test-tools.ts
 */
import { spawnSync } from 'node:child_process';
import { plan, realSystem, type Plan } from './lib/test-tools.ts';
import { readArgs } from './lib/args.ts';

readArgs({ command: 'node scripts/test-tools.ts', options: {} });

function report(p: Plan): never | void {
  if (p.kind === 'ready') {
    console.log(`✓ Test tools: Chromium ${p.chromium.path} (${p.chromium.via}), Java ${p.java.path} (${p.java.via})`);
    return;
  }
  if (p.kind === 'stop') {
    console.error(p.message);
    process.exit(1);
  }
}

const sys = realSystem();
const first = plan(sys);
if (first.kind === 'install') {
  console.log(
    `Installing ${first.packages.join(' ')} with apt-get (missing: ${[...('missing' in first.chromium ? ['Chromium'] : []), ...('missing' in first.java ? ['Java 17+'] : [])].join(', ')})…`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-qq'])) run(['install', '-y', '-qq', '--no-install-recommends', ...first.packages]);
  report(plan(realSystem(), true));
} else {
  report(first);
}
