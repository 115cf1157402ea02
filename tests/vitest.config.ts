import { defineConfig } from 'vitest/config';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Test builds use the placeholder site address (whatever SITE_URL the shell has), which a production build
// refuses unless allowed (src/lib/hosting/site-address.ts). Set here, in the main process, so global setups, test
// workers and every build they spawn inherit it.
delete process.env.SITE_URL;
process.env.ALLOW_PLACEHOLDER_URL = '1';
// The run starts Astro a few dozen times (builds, the type check, the dev server): none reports to Astro's
// telemetry service, which would load an HTTP client and try the network each time.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Node's module compile cache for every process a run starts: a run starts about 400 Node processes (builds,
// scripts, the type check, the linter), most loading the same Astro, Vite or TypeScript code, and each reuses
// what an earlier one compiled instead of compiling it again (the unit project's CPU time falls by about a quarter).
process.env.NODE_COMPILE_CACHE ??= join(root, '.cache', 'node-compile-cache');

/**
 * Five kinds of tests, as the README describes:
 * - unit: pure logic in src/lib and scripts (fast, no build);
 * - components: .astro components rendered alone with the Container API;
 * - build: builds the showcase site once and inspects dist files;
 * - gates: HTML validity, links and byte budgets over that same build;
 * - e2e: drives Chromium (the one scripts/test-tools.ts finds) against the built site.
 */
export default defineConfig({
  root,
  test: {
    // Two files at a time, whatever the core count: many files wait on a build or a browser rather than compute,
    // so two overlap well even where Vitest's default (cores − 1) would run one at a time.
    maxWorkers: 2,
    // The usual report, then the ten slowest files (tests/helpers/slowest-files.ts).
    reporters: ['default', './tests/helpers/slowest-files.ts'],
    // One temporary folder for the whole run, removed at its end. Vitest runs it once, after the projects'
    // own setups (the shared site build) and before the first test file.
    globalSetup: ['tests/helpers/temp-root.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure modules and scripts run as child processes: files share a worker instead of paying ~0.1 s each for a fresh one.
          isolate: false,
          include: [
            'tests/lib/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
            'tests/ci/**/*.test.ts',
            'tests/helpers/**/*.test.ts',
          ],
        },
      },
      // Components rendered with the Container API; its own config adds Astro's Vite plugins.
      'tests/components/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'build',
          isolate: false,
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          // Nu Html Checker, links, byte budgets over the main test site (.cache/test-dist), which whichever
          // project's global setup runs first builds with the run's other sites (tests/sites/sites.ts).
          name: 'gates',
          isolate: false,
          include: ['tests/gates/**/*.test.ts'],
          globalSetup: ['tests/gates/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          isolate: false,
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
