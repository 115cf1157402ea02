import type { TestProject } from 'vitest/node';
import { buildSitesForRun } from '../sites/sites.ts';
import { testDist } from '../helpers/project.ts';
import { startChromium } from '../helpers/browser.ts';

/** The browser tests read the main test site, the site under /repo/ and the production site's kitchen-sink article. */
export const e2eDist = testDist;

/**
 * Build what the browser tests read, and start the one Chromium they share (each test file connects to it
 * instead of starting its own: about 0.7 s of CPU a start); it stops when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [, browser] = await Promise.all([buildSitesForRun(project), startChromium()]);
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  return () => browser.close();
}
