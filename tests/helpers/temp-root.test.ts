import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

// The run's temporary folder (tests/helpers/temp-root.ts) is where tests and the processes they spawn
// make theirs; if it were not, their folders would pile up in the system's temporary folder.
describe('temporary folders', () => {
  const root = process.env.AIF_TEST_TMPDIR;

  it('land in the run’s own folder, removed when the run ends', () => {
    expect(root).toMatch(/aif-test-run-/);
    expect(tmpdir()).toBe(root);
  });

  it('land there for spawned processes too', () => {
    const child = spawnSync(process.execPath, ['-p', "require('node:os').tmpdir()"], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe(root);
  });
});
