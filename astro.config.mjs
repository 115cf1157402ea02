// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The column's settings live in src/site.config.ts; this file only assembles integrations.
const siteUrl = process.env.SITE_URL ?? 'https://ai-frontier.example.com';

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  integrations: [mdx()],
  build: { format: 'directory' },
});
