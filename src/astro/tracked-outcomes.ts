/** Tracked outcomes across published articles, with their resolutions (content/outcomes/resolutions.yaml). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsOf, getPublishedArticles } from './published-articles.ts';
import { parseResolutions, type TrackedOutcome } from '../lib/outcomes/tracking.ts';

const RESOLUTIONS = join(process.cwd(), 'content', 'outcomes', 'resolutions.yaml');

export function resolutions(): Map<string, NonNullable<TrackedOutcome['resolution']>> {
  if (!existsSync(RESOLUTIONS)) return new Map();
  const { resolutions, errors } = parseResolutions('content/outcomes/resolutions.yaml', readFileSync(RESOLUTIONS, 'utf8'));
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  return resolutions;
}

export async function trackedOutcomes(): Promise<TrackedOutcome[]> {
  const res = resolutions();
  const articles = await getPublishedArticles();
  return articles
    .flatMap((a) => factsOf(a).tracked)
    .map((o) => ({ ...o, resolution: res.get(o.id) }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}
