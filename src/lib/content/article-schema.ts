import { z } from 'astro/zod';
import { urlSchema } from '../url-policy.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (Astro's YAML hands us a Date; our own checker a string). */
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (value instanceof Date) return value;
  const m = DATE.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.getUTCMonth() !== Number(m![2]) - 1 || date.getUTCDate() !== Number(m![3])) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a calendar date written as YYYY-MM-DD` });
    return z.NEVER;
  }
  return date;
});

/**
 * Text as authors mean it: control characters (which HTML forbids and no
 * keyboard types on purpose) removed, surrounding space trimmed.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const text = () => z.string().transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim());

/** A source the article draws on: name, link and the date it was published or read. */
const source = z.object({
  name: text().pipe(z.string().min(1, 'A source needs a name')),
  url: urlSchema('source', 'Expected a full URL such as https://example.com/report'),
  date: isoDate,
});

/**
 * The frontmatter of one column issue. Every field is documented in
 * docs/authoring.md; Zod's messages name the field, Astro adds the file.
 */
export function articleSchemaFor<Id extends string>(figureId: z.ZodType<Id>) {
  return z
  .object({
    title: text().pipe(z.string().min(1, 'The title cannot be empty')),
    /** Subtitle shown under the headline and in feeds. */
    dek: text().pipe(z.string().min(1, 'The dek (subtitle) cannot be empty')),
    published: isoDate,
    updated: isoDate.optional(),
    authors: z.array(text().pipe(z.string().min(1))).min(1, 'Name at least one author'),
    tags: z.array(text().pipe(z.string().min(1))).default([]),
    /** The column's issue number, unique across articles. */
    issue: z.number().int().positive(),
    hero: z
      .object({
        src: urlSchema('image', 'Expected the image path, such as /images/fab.jpg'),
        alt: text().pipe(z.string().min(1, 'A hero image needs alt text describing it')),
      })
      .optional(),
    sources: z.array(source).min(1, 'List at least one source'),
    draft: z.boolean().default(false),
    /** "In one sentence": the article's point, shown in a box and used in feeds. */
    summary: text().pipe(z.string().min(1, 'Write the summary in one sentence')),
    /** Figure ids shown as stat cards at the top of the article. */
    keyFigures: z.array(figureId).default([]),
  })
  .strict()
  .refine((a) => !a.updated || a.updated >= a.published, {
    message: 'updated must be on or after published',
    path: ['updated'],
  });
}

/**
 * The frontmatter with figure ids as plain text: what the content check uses, since it reports
 * an unknown id itself with the nearest known ones. The collection (src/content.config.ts) uses
 * `articleSchemaFor` with the generated id list, so pages get `keyFigures` typed by figure id.
 */
export const articleSchema = articleSchemaFor(z.string());

export type ArticleData = z.infer<typeof articleSchema>;
