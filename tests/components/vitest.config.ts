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
    },
  },
  { root: fileURLToPath(new URL('../..', import.meta.url)) },
);
