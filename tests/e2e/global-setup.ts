import type { TestProject } from 'vitest/node';
import { buildSitesForRun } from '../sites/sites.ts';
import { testDist } from '../helpers/project.ts';

/** The browser tests read the main test site, the site under /repo/ and the production site's kitchen-sink article. */
export const e2eDist = testDist;

/** Build what the browser tests read (each test process starts its own Chromium: tests/helpers/browser.ts). */
export default async function setup(project: TestProject): Promise<void> {
  await buildSitesForRun(project);
}
