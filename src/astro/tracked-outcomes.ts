/** Tracked outcomes across published articles, with their resolutions (content/outcomes/resolutions.yaml). */
import { factsOf, getPublishedArticles } from './published-articles.ts';
import type { TrackedOutcome } from '../lib/outcomes/tracking.ts';
import { readResolutions } from '../lib/inputs/resolutions.ts';

export function resolutions(): Map<string, NonNullable<TrackedOutcome['resolution']>> {
  const { resolutions, errors } = readResolutions(process.cwd());
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
