/**
 * The lint and format gate (`npm run lint`: ESLint, type-aware on .ts files, and Prettier, no warning allowed) as part of
 * `npm test`. It runs here, after the gates' global setup has built the site (so the figures registry
 * and Astro's content types it reads are fresh and nothing rewrites them meanwhile), beside the other
 * test files instead of in front of them.
 */
import { describe, expect, it } from 'vitest';
import { runScriptAsync } from '../helpers/project.ts';

describe('lint and format gate', () => {
  it(
    'passes with no warning: ESLint (type-aware rules on .ts files, the Astro plugin on .astro) and Prettier',
    { timeout: 180_000 },
    async () => {
      const r = await runScriptAsync('scripts/lint.ts', ['--no-generate'], { env: { CI: '1' } });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/✓ eslint /);
      expect(r.stdout).toMatch(/✓ prettier /);
    },
  );
});
