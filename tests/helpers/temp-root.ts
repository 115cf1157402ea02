import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder per test run, holding every temporary folder the tests make (copies of the
 * project, lint fixtures, chart files…), removed when the run ends. The root `globalSetup` of
 * tests/vitest.config.ts: it runs in the main Vitest process before the test workers start, and the
 * workers and every process they spawn inherit TMPDIR, so `os.tmpdir()` answers this folder in tests
 * (tests/helpers/temp-root.test.ts checks that). The projects' own setups run before it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'aif-test-run-'));
  process.env.AIF_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
