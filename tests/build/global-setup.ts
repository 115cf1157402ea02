import type { TestProject } from 'vitest/node';
import { buildSitesForRun } from '../sites/sites.ts';

/** The build tests read every test site, built once per run side by side (tests/sites/sites.ts). */
export default async function setup(project: TestProject): Promise<void> {
  await buildSitesForRun(project);
}
