// @ts-check
import { defineConfig, fontProviders } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { chartAssets } from './src/integrations/chart-assets/index.ts';
import { siteAddressGuard } from './src/integrations/site-address/index.ts';
import { site } from './src/site.config.ts';
import { basePath } from './src/lib/hosting/base-path.ts';
import { CACHE_DIR } from './src/lib/build/cache-dir.ts';
import { BODY_CSS_VARIABLE, BODY_FAMILY, bodyFontVariants } from './src/lib/fonts/body-font.ts';

// The column's settings live in src/site.config.ts; this file only assembles integrations.
export default defineConfig({
  site: site.url,
  // The path the site is served under ("/" or a project site's "/<repo>/"): pages, assets and every link
  // (src/lib/hosting/site-paths.ts) live under it.
  base: basePath(site.url),
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // Astro's content store and asset cache beside ours (src/lib/build/cache-dir.ts), not in node_modules/.astro:
  // kept with the rest by CI, and not shared by project copies that link node_modules (tests, bench).
  cacheDir: `${CACHE_DIR}/astro`,
  integrations: [
    // First, so a build with the placeholder address stops before any work.
    siteAddressGuard(site),
    mdx(),
    chartAssets(),
    // Pages only: newsletter editions and feeds are not pages a search engine should list.
    sitemap({ filter: (page) => !page.includes('/newsletter/') }),
  ],
  // One cached stylesheet and external scripts only: the CSP allows no inline script.
  // Eight pages at a time: rendering one page overlaps writing the last (warm build of 1,000 articles:
  // 12.2–14.0 s against 15.0–15.7 s one at a time; output byte-identical).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  vite: { build: { assetsInlineLimit: 0 } },
  // Self-hosted body font through Astro's fonts API (files from an npm package, hashed into _astro/); its faces
  // are listed in src/lib/fonts/body-font.ts. The @font-face rules are served as /fonts.css (src/pages/fonts.css.ts):
  // an inline <style> would break the CSP.
  fonts: [
    {
      provider: fontProviders.local(),
      name: BODY_FAMILY,
      cssVariable: BODY_CSS_VARIABLE,
      fallbacks: ['Georgia', 'serif'],
      options: {
        variants: bodyFontVariants(),
      },
    },
  ],
});
