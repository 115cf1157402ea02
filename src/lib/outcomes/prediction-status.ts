/**
 * How the scorecard speaks about a tracked prediction: its status (open until judged, then came true,
 * partly or did not) rather than the scenario's tone, and subjects ("bytedance", "china-cloud") by
 * their human names.
 */
import type { Resolution, TrackedOutcome } from './tracking.ts';
import { slugify } from '../slug.ts';

export type PredictionStatus = 'open' | Resolution;

export const PREDICTION_STATUSES: readonly PredictionStatus[] = ['open', 'held', 'partly', 'missed'];

/** Badge words; `held`/`partly`/`missed` stay the data's (and the URLs') words. */
export const PREDICTION_LABELS: Record<PredictionStatus, string> = {
  open: 'Open',
  held: 'Came true',
  partly: 'Partly',
  missed: 'Did not',
};

export function predictionStatus(o: Pick<TrackedOutcome, 'resolution'>): PredictionStatus {
  return o.resolution?.status ?? 'open';
}

/**
 * A subject's name for readers: the article tag with the same slug when there is one ("ByteDance"),
 * otherwise the slug's words with a capital ("china-cloud" → "China cloud").
 */
export function subjectName(slug: string, tags: Iterable<string>): string {
  for (const tag of tags) if (slugify(tag) === slug) return tag;
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
