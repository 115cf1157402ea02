/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

/**
 * Component tests render .astro components with Astro's Container API, so they need Astro's
 * Vite plugins (compiling .astro files, `astro:*` modules): `getViteConfig` adds them.
 */
export default getViteConfig(
  {
    test: {
      name: 'components',
      root: fileURLToPath(new URL('../..', import.meta.url)),
      include: ['tests/components/**/*.test.ts'],
      // As the other projects (tests/vitest.config.ts): two files at a time, sharing their workers. Vitest runs a
      // project with one worker and isolated files after every other file, where these few seconds were the
      // run's last, on one core.
      maxWorkers: 2,
      isolate: false,
    },
  },
  { root: fileURLToPath(new URL('../..', import.meta.url)) },
);
