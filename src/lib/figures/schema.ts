/**
 * The figures registry's schema: what `content/figures/*.yaml` may hold. Types are inferred from
 * it, the registry reader validates with it (src/lib/figures/parse-registry.ts), and the JSON
 * Schema published at /figures.schema.json is generated from the published form below.
 */
import { z } from 'astro/zod';
import { isPartialDate } from './dates.ts';
import { PERIODS, SCALES, UNITS } from './units.ts';
import { urlSchema } from '../url-policy.ts';

/** Dotted, lower-case ids: `bytedance.capex.2026`. */
export const FIGURE_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;
const SCALE_NAMES = Object.keys(SCALES) as [keyof typeof SCALES, ...Array<keyof typeof SCALES>];

/** YAML reads `2026` as a number; a date is text of the precision the source gives. */
const partialDate = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string({ error: 'Expected a date' })
    .refine(isPartialDate, { error: (i) => `${JSON.stringify(i.input)} is not a date.` }),
);
/** Text; a bare YAML number (`label: 2026`) is taken as the text it shows. */
const text = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string({ error: 'Expected text' }).trim().min(1, 'Expected text'),
);
const number = z.number({ error: 'Expected a number' }).refine(Number.isFinite, 'Expected a finite number');
/** The piece a reader can open to check the number (the one URL policy: ../url-policy.ts). */
const webUrl = urlSchema('source');

/** Where a number comes from: the cited piece (its publisher, title, own URL and date). */
export const sourceSchema = z
  .strictObject({
    /** How the source is named in one line; may be left out when `publisher` is given ("Publisher, “title”"). */
    name: text.optional(),
    /** Who published the piece: "South China Morning Post". */
    publisher: text.optional(),
    /** The cited piece's headline. */
    title: text.optional(),
    /**
     * The piece's own address. Leave it out when no public copy exists (a paid report): readers then see the
     * title and date unlinked, never a link to the publisher's home page.
     */
    url: webUrl.optional(),
    /** YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-H1 / YYYY-Q3 for a half-year or quarter: only the precision the source gives. */
    date: partialDate,
    /** A copy that will not change (e.g. a web archive), shown beside the live link. */
    archived: webUrl.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.name === undefined && s.publisher === undefined)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'The source has neither `name` nor `publisher`.' });
    if (s.url === undefined && s.title === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'The source has neither `url` nor `title`: a reader could not find the piece.',
      });
  })
  .transform(({ name, ...s }) => ({ name: name ?? (s.title ? `${s.publisher}, “${s.title}”` : s.publisher!), ...s }));
export type Source = z.output<typeof sourceSchema>;

/** A source written inline, or the name of one declared under `sources:` in any figures file. */
const sourceRef = z.union([z.string().trim().min(1), sourceSchema]);

/** A change to a figure's value, with its reason. */
export const revisionSchema = z.strictObject({ date: partialDate, from: number, to: number, reason: text });
export type Revision = z.output<typeof revisionSchema>;

/** Fields every figure and series shares: what the number measures and how it reads. */
const measure = {
  label: text,
  unit: z.enum(UNITS, { error: 'Unknown unit' }),
  scale: z.enum(SCALE_NAMES, { error: 'Unknown scale' }).default('one'),
  period: z.enum(PERIODS, { error: 'Unknown period' }).optional(),
  /** Text after the number for unit prices: "per 1,000 tokens". */
  per: text.optional(),
  /** Plural noun for counts: "chips", "derivative models". */
  noun: text.optional(),
  note: text.optional(),
};

const figureId = z
  .string({ error: 'Expected an id' })
  .regex(FIGURE_ID, { error: (i) => `The id ${JSON.stringify(i.input)} is not a dotted id.` });

export const figureDeclSchema = z
  .strictObject({
    id: figureId,
    ...measure,
    /** In the figure's own scale: 200 with scale billion is ¥200 bn. */
    value: number.optional(),
    /** A formula over other ids, for derived figures. */
    formula: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text).optional(),
    /** Significant digits shown (default 3). */
    digits: z.int({ error: 'Expected a whole number' }).min(1).max(10).optional(),
    asOf: partialDate.optional(),
    source: sourceRef.optional(),
    /** What a source stated for a derived figure, in the figure's scale. */
    stated: number.optional(),
    tolerance: number.optional(),
    /** Earlier value for "change vs previous": a number, or the id of the earlier figure. */
    previous: z.union([number, z.string().regex(FIGURE_ID)]).optional(),
    revisions: z.array(revisionSchema).default([]),
    reviewBy: partialDate.optional(),
    /** Which direction is good news (a cost going down, revenue going up); changes are coloured only when this is set. */
    better: z.enum(['up', 'down'], { error: (i) => `\`better\` is ${JSON.stringify(i.input)}.` }).optional(),
  })
  .superRefine((f, ctx) => {
    const hasValue = f.value !== undefined;
    if (hasValue === (f.formula !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: hasValue
          ? 'A figure has either `value` or `formula`, not both.'
          : 'The figure has neither `value` nor `formula`.',
      });
    // Derived figures may leave source and date out: they inherit their inputs'.
    if (f.formula === undefined && f.source === undefined)
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'The figure has no source.' });
    if (f.formula === undefined && f.asOf === undefined)
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'The figure has no `asOf` date.' });
  });

export const seriesPointSchema = z.strictObject({ date: partialDate, value: number, label: text.optional() });
export type SeriesPoint = z.output<typeof seriesPointSchema>;

export const seriesDeclSchema = z.strictObject({
  id: figureId,
  ...measure,
  points: z
    .array(seriesPointSchema, { error: 'Expected a list of points' })
    .min(1, 'A series needs at least one point.'),
  source: sourceRef,
});

export const remoteDeclSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: (i) => `The remote id ${JSON.stringify(i.input)} is not a simple name.` }),
  url: urlSchema('remote'),
  format: z.enum(['csv', 'json'], { error: 'Unknown format' }),
  timeoutMs: z.int().min(1).max(600_000).default(10_000),
  source: sourceRef.optional(),
});

/** One figures file: each list is checked entry by entry, so one bad entry does not hide the rest. */
export const registryFileSchema = z.strictObject({
  /** The heading this file's figures are listed under on /figures/, e.g. "ByteDance's AI spending". */
  topic: text.optional(),
  sources: z
    .record(z.string(), z.unknown(), { error: '`sources` must be a map of name → {name, url, date}' })
    .optional(),
  figures: z.array(z.unknown(), { error: '`figures` must be a list (each entry starting with "- id: …")' }).optional(),
  series: z.array(z.unknown(), { error: '`series` must be a list (each entry starting with "- id: …")' }).optional(),
  remotes: z.array(z.unknown(), { error: '`remotes` must be a list (each entry starting with "- id: …")' }).optional(),
});

/** How to fix a field, by its name: shown under every message about it. */
export const REGISTRY_FIXES: Record<string, string> = {
  id: 'Ids are lower-case words joined by dots, e.g. `bytedance.capex.2026`.',
  value:
    'Write the number alone, without units or thousands separators (unit and scale are separate fields): `value: 200`.',
  formula: 'Give a number as `value:`, or a formula over other ids as `formula:`.',
  unit: `Use one of: ${UNITS.join(', ')}.`,
  scale: `Use one of: ${SCALE_NAMES.join(', ')}.`,
  period: `Use one of: ${PERIODS.join(', ')}.`,
  asOf: 'Write when the number was true as YYYY, YYYY-MM or YYYY-MM-DD (YYYY-H1 or YYYY-Q3 for a half-year or quarter), e.g. `asOf: 2025-09`.',
  date: 'Write YYYY, YYYY-MM or YYYY-MM-DD (YYYY-H1 or YYYY-Q3 for a half-year or quarter), e.g. `2025-09`.',
  reviewBy: 'Write YYYY, YYYY-MM or YYYY-MM-DD, e.g. `2026-12-31`.',
  source:
    'Add `source:` naming a source declared under `sources:`, or write it inline as {publisher, title, url, date}.',
  name: "Give the source a `publisher` (and the piece's `title`), or a `name`.",
  better:
    'Write `better: up` (a rise is good news, e.g. revenue) or `better: down` (a fall is good news, e.g. a price or a cost); leave it out when neither is.',
  url: 'Write the full URL, starting with https://, or leave `url:` out when the piece has no public address (give its `title`).',
  points: 'Write points as `- { date: 2025-09, value: 30 }`.',
  format: 'Use `format: csv` or `format: json`.',
};

/** A figure as published in /figures.json: the reader-facing fields, nulls instead of absences. */
export const publishedFigureSchema = z.strictObject({
  id: z.string().regex(FIGURE_ID),
  label: z.string().min(1),
  value: z.number(),
  unit: z.enum(UNITS),
  scale: z.enum(SCALE_NAMES),
  period: z.enum(PERIODS).nullable(),
  per: z.string().nullable(),
  asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?|-[HQ]\d)?$/),
  text: z.string(),
  formula: z.string().nullable(),
  source: z.strictObject({
    name: z.string(),
    url: z.url().nullable(),
    date: z.string(),
    archived: z.string().nullable(),
  }),
  note: z.string().nullable(),
  reviewBy: z.string().nullable(),
  revisions: z.array(z.strictObject({ date: z.string(), from: z.number(), to: z.number(), reason: z.string() })),
});
export type PublishedFigure = z.output<typeof publishedFigureSchema>;

export const publishedRegistrySchema = z
  .strictObject({ $schema: z.string().optional(), version: z.literal(1), figures: z.array(publishedFigureSchema) })
  .meta({ title: 'AI Frontier figures registry' });

/** JSON Schema (2020-12) for /figures.json, generated from the schema above. */
export function figuresJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(publishedRegistrySchema, { target: 'draft-2020-12' });
}
