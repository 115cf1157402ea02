import type { TestProject } from 'vitest/node';
import { buildSitesForRun } from '../sites/sites.ts';

/**
 * The gates read the main test site (.cache/test-dist), built once per run with every other site the run reads
 * (tests/sites/sites.ts: buildSitesForRun), by whichever project's global setup runs first.
 */
export default async function setup(project: TestProject): Promise<void> {
  await buildSitesForRun(project);
}
