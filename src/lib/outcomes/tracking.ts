import { parseDocument, LineCounter } from 'yaml';
import { ContentError } from '../errors.ts';
import { readStatus, type OutcomeStatus } from './status.ts';

/**
 * Tracked outcomes: an outcome-table row becomes a prediction the column
 * keeps score of when its scenario cell ends with
 * `(track: bytedance.platform-victory, due 2028-12-31)`. Resolutions are
 * recorded later in content/outcomes/resolutions.yaml.
 */
export const TRACK_TAG = /\s*\(track:\s*([a-z0-9][a-z0-9.-]*[a-z0-9]),\s*due\s+(\d{4}-\d{2}-\d{2})\)\s*$/;

export type Resolution = 'held' | 'partly' | 'missed';
export const RESOLUTIONS: Record<Resolution, string> = { held: 'Held', partly: 'Partly held', missed: 'Missed' };

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
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    const status = readStatus(cells[0] ?? '');
    if (!status) return;
    const tag = readTrackTag(status.rest);
    if (!tag.id || !tag.due) return;
    out.push({ id: tag.id, due: tag.due, status: status.status, scenario: tag.text, cells: cells.slice(1), file, line: firstLine + i, slug });
  });
  return out;
}

/** Read resolutions.yaml: `- { id, status: held|partly|missed, date: YYYY-MM-DD, note }`. */
export function parseResolutions(file: string, text: string): { resolutions: Map<string, NonNullable<TrackedOutcome['resolution']>>; errors: ContentError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const errors: ContentError[] = [];
  const resolutions = new Map<string, NonNullable<TrackedOutcome['resolution']>>();
  const list = doc.toJS() as unknown;
  if (list === null || list === undefined) return { resolutions, errors };
  if (!Array.isArray(list)) return { resolutions, errors: [new ContentError({ file, line: 1, message: 'Resolutions must be a list.', fix: 'Write `- { id: …, status: held, date: 2027-01-31, note: "…" }` per outcome.' })] };
  list.forEach((r: Record<string, unknown>, i: number) => {
    const node = doc.getIn([i], true) as { range?: [number] } | undefined;
    const line = node?.range ? lc.linePos(node.range[0]).line : undefined;
    const status = r?.status;
    if (typeof r?.id !== 'string' || !(status === 'held' || status === 'partly' || status === 'missed') || typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date)) {
      errors.push(new ContentError({ file, line, message: `Resolution ${i + 1} needs id, status (held, partly or missed) and date (YYYY-MM-DD).`, fix: 'Compare with the example at the top of the file.' }));
      return;
    }
    resolutions.set(r.id, { status, date: r.date, note: typeof r.note === 'string' ? r.note : '' });
  });
  return { resolutions, errors };
}

/** Outcomes past due with no resolution. */
export function overdue(outcomes: readonly TrackedOutcome[], now: Date): TrackedOutcome[] {
  return outcomes.filter((o) => !o.resolution && new Date(`${o.due}T23:59:59Z`).getTime() < now.getTime());
}

/** The company an outcome is about: the first segment of its id. */
export function companyOf(o: Pick<TrackedOutcome, 'id'>): string {
  return o.id.split('.')[0]!;
}
