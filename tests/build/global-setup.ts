import { buildSites, SITE_NAMES } from '../sites/sites.ts';

/** Build every test site once, side by side (tests/sites/sites.ts); the build tests read them. */
export default async function setup(): Promise<void> {
  await buildSites(SITE_NAMES);
}
