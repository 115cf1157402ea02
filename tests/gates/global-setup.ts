import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import buildSite from '../build/global-setup.ts';
import { testDist } from '../helpers/project.ts';

/**
 * The gates read the same build as the build tests (.cache/test-dist, BUILD_DATE pinned): one build per run.
 * Global setups run in the main Vitest process, one project after another, before any test file.
 * When the build project's setup already built during this process (the `build` project is listed first
 * in tests/vitest.config.ts), the gates reuse that output; run alone (`--project gates`), they build it.
 */
export default function setup(): void {
  const marker = join(testDist, 'index.html');
  const builtThisRun = existsSync(marker) && statSync(marker).mtimeMs >= performance.timeOrigin;
  if (builtThisRun) return;
  buildSite();
}
