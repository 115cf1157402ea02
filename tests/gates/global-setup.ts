import { buildSites } from '../sites/sites.ts';

/**
 * The gates read the main test site (.cache/test-dist), built at most once per run: when the build project's
 * setup already built it (global setups run one after another in the Vitest process, before any test file),
 * this does nothing; run alone (`--project gates`), it builds it.
 */
export default async function setup(): Promise<void> {
  await buildSites(['main']);
}
