import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/content/article-schema.ts';
import { slugFromFileName } from './lib/slug.ts';

/** Articles live at the top level in `content/articles/` (not `src/content/`). */
const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/articles',
    generateId: ({ entry }) => slugFromFileName(entry),
  }),
  schema: articleSchema,
});

export const collections = { articles };
