import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchemaFor } from './lib/content/article-schema.ts';
import { figureIds } from './generated/figure-ids.ts';
import { slugFromFileName } from './lib/slug.ts';

/** Articles live at the top level in `content/articles/` (not `src/content/`). */
const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/articles',
    generateId: ({ entry }) => slugFromFileName(entry),
  }),
  schema: articleSchemaFor(z.enum(figureIds, { error: 'Unknown figure id (the registry is content/figures/; `npm run check` suggests the nearest)' })),
});

export const collections = { articles };
