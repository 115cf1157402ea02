/**
 * Where the build keeps what it can reuse between runs: drawn charts
 * (`charts/`), social cards (`og/`), parsed article trees for the content
 * check (`mdx-trees/trees.jsonl`), Astro's content store (`astro/`, astro.config.mjs),
 * the last search index (`pagefind/`, scripts/lib/search-cache.ts) and
 * benchmark results (`bench/`). Files
 * are named by a hash of what they show, so the folder can be kept between
 * builds on CI and deploy machines (cache `.cache/`, or point AIF_CACHE_DIR
 * at a kept folder) and deleted at any time without harm.
 */
import { join, resolve } from 'node:path';

export const CACHE_DIR = process.env.AIF_CACHE_DIR ? resolve(process.env.AIF_CACHE_DIR) : join(process.cwd(), '.cache');
