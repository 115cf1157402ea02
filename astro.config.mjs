// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { chartAssets } from './src/integrations/chart-assets.ts';

// The column's settings live in src/site.config.ts; this file only assembles integrations.
const siteUrl = process.env.SITE_URL ?? 'https://ai-frontier.example.com';

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  integrations: [
    mdx(),
    chartAssets(),
    // Pages only: newsletter editions and feeds are not pages a search engine should list.
    sitemap({ filter: (page) => !page.includes('/newsletter/') }),
  ],
  // One cached stylesheet and external scripts only: the CSP allows no inline script.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
