import { z } from 'astro/zod';
import type { ContentError } from '../errors.ts';
import { readYaml, schemaErrors } from '../yaml-schema.ts';
import { readStatus, type OutcomeStatus } from './status.ts';

/**
 * Tracked outcomes: an outcome-table row becomes a prediction the column
 * keeps score of when its scenario cell ends with
 * `(track: bytedance.platform-victory, due 2028-12-31)`. Resolutions are
 * recorded later in content/outcomes/resolutions.yaml.
 */
export const TRACK_TAG = /\s*\(track:\s*([a-z0-9][a-z0-9.-]*[a-z0-9]),\s*due\s+(\d{4}-\d{2}-\d{2})\)\s*$/;

export type Resolution = 'held' | 'partly' | 'missed';

export interface TrackedOutcome {
  id: string;
  due: string;
  status: OutcomeStatus;
  scenario: string;
  /** Rest of the row (conditions, result…), as written. */
  cells: string[];
  file: string;
  line: number;
  slug: string;
  resolution?: { status: Resolution; date: string; note: string };
}

/** Split a track tag off a cell's text. */
export function readTrackTag(text: string): { text: string; id?: string; due?: string } {
  const m = TRACK_TAG.exec(text);
  return m ? { text: text.slice(0, m.index).trimEnd(), id: m[1], due: m[2] } : { text };
}

/** Tracked rows in one article's MDX source (GFM table rows whose first cell has a marker and a tag). */
export function trackedRowsIn(source: string, file: string, slug: string, firstLine = 1): TrackedOutcome[] {
  const out: TrackedOutcome[] = [];
  source.split('\n').forEach((line, i) => {
    if (!line.trimStart().startsWith('|')) return;
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    const status = readStatus(cells[0] ?? '');
    if (!status) return;
    const tag = readTrackTag(status.rest);
    if (!tag.id || !tag.due) return;
    out.push({
      id: tag.id,
      due: tag.due,
      status: status.status,
      scenario: tag.text,
      cells: cells.slice(1),
      file,
      line: firstLine + i,
      slug,
    });
  });
  return out;
}

/** One entry of content/outcomes/resolutions.yaml. */
export const resolutionSchema = z.strictObject({
  id: z
    .string({ error: 'Expected the tracked outcome id' })
    .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'Expected a tracked outcome id such as `bytedance.platform-victory`'),
  status: z.enum(['held', 'partly', 'missed'], { error: 'Expected held, partly or missed' }),
  date: z
    .string({ error: 'Expected a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date written YYYY-MM-DD'),
  note: z.string().default(''),
});
const resolutionsSchema = z.array(z.unknown(), { error: 'Resolutions must be a list' }).nullish();

/** Read resolutions.yaml: `- { id, status: held|partly|missed, date: YYYY-MM-DD, note }`; each entry is checked on its own. */
export function parseResolutions(
  file: string,
  text: string,
): { resolutions: Map<string, NonNullable<TrackedOutcome['resolution']>>; errors: ContentError[] } {
  const resolutions = new Map<string, NonNullable<TrackedOutcome['resolution']>>();
  const yaml = readYaml(file, text);
  if (yaml.errors.length > 0) return { resolutions, errors: yaml.errors };
  const fix = () =>
    'Write each outcome as `- { id: bytedance.platform-victory, status: held, date: 2027-01-31, note: "…" }`.';
  const list = resolutionsSchema.safeParse(yaml.value);
  if (!list.success)
    return { resolutions, errors: schemaErrors(list.error.issues, { file, yaml, value: yaml.value, fixFor: fix }) };
  const errors: ContentError[] = [];
  (list.data ?? []).forEach((raw, i) => {
    const r = resolutionSchema.safeParse(raw);
    if (r.success) resolutions.set(r.data.id, { status: r.data.status, date: r.data.date, note: r.data.note });
    else
      errors.push(
        ...schemaErrors(r.error.issues, {
          file,
          yaml,
          at: [i],
          value: raw,
          schema: resolutionSchema,
          fieldName: (p) => [`resolution ${i + 1}`, ...p.map(String)].join('.'),
          fixFor: fix,
        }),
      );
  });
  return { resolutions, errors };
}

/** Where resolutions live, relative to the project root. */
export const RESOLUTIONS_FILE = 'content/outcomes/resolutions.yaml';

/** Outcomes past due with no resolution. */
export function overdue(outcomes: readonly TrackedOutcome[], now: Date): TrackedOutcome[] {
  return outcomes.filter((o) => !o.resolution && new Date(`${o.due}T23:59:59Z`).getTime() < now.getTime());
}

/** The company an outcome is about: the first segment of its id. */
export function companyOf(o: Pick<TrackedOutcome, 'id'>): string {
  return o.id.split('.')[0]!;
}
