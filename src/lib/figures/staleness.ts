import { endOfPartialDate } from './dates.ts';
import type { Figure } from './types.ts';

/**
 * When a figure should be checked again: its own `reviewBy`, or a default
 * age after its as-of date that depends on how fast such numbers move
 * (daily rates go stale sooner than annual plans).
 */
const DEFAULT_MONTHS: Record<string, number> = { day: 6, month: 9, quarter: 12, year: 18, none: 18 };

export function reviewDate(f: Pick<Figure, 'reviewBy' | 'asOf' | 'period'>): Date {
  if (f.reviewBy) return endOfPartialDate(f.reviewBy);
  const end = endOfPartialDate(f.asOf);
  const months = DEFAULT_MONTHS[f.period ?? 'none']!;
  return new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + months, end.getUTCDate()));
}

export function isStale(f: Pick<Figure, 'reviewBy' | 'asOf' | 'period'>, now: Date): boolean {
  return reviewDate(f).getTime() < now.getTime();
}
