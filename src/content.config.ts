import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchemaFor } from './lib/content/article-schema.ts';
import { figureIds } from './generated/figure-ids.ts';
import { slugFromFileName } from './lib/slug.ts';
import { parseAuthors } from './lib/site/authors.ts';

/** Articles live at the top level in `content/articles/` (not `src/content/`). */
const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/articles',
    generateId: ({ entry }) => slugFromFileName(entry),
  }),
  schema: articleSchemaFor(
    z.enum(figureIds, {
      error: 'Unknown figure id (the registry is content/figures/; `npm run check` suggests the nearest)',
    }),
  ),
});

/** Pages the authors edit in Markdown, e.g. `content/pages/about.md` at /about/. */
const pages = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/pages' }),
  schema: z.object({ title: z.string().min(1), description: z.string().min(1) }),
});

/** Bylines: `content/authors.yaml` maps each name, as articles write it, to a short bio. */
const authors = defineCollection({
  loader: file('./content/authors.yaml', { parser: (text) => parseAuthors(text) }),
  schema: z.object({ name: z.string().min(1), bio: z.string().min(1), role: z.string().optional() }),
});

export const collections = { articles, pages, authors };
