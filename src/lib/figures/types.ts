import type { Period, Scale, Unit } from './units.ts';

/** Where a number comes from. Dates may be YYYY, YYYY-MM or YYYY-MM-DD: only the precision the source gives. */
export interface Source {
  name: string;
  url: string;
  date: string;
  /** A copy that will not change (e.g. a web archive), shown beside the live link. */
  archived?: string;
}

/** A change to a figure's value, with its reason. */
export interface Revision {
  date: string;
  from: number;
  to: number;
  reason: string;
}

/** One figure after validation and evaluation: everything a page, chart or feed needs. */
export interface Figure {
  id: string;
  label: string;
  /** In the figure's own scale: 200 with scale billion is ¥200 bn. */
  value: number;
  unit: Unit;
  scale: Scale;
  period?: Period;
  /** Text after the number for unit prices: "per 1,000 tokens". */
  per?: string;
  /** Plural noun for counts: "chips", "derivative models". */
  noun?: string;
  /** Significant digits shown (default 3). */
  digits?: number;
  asOf: string;
  source: Source;
  note?: string;
  /** The formula for derived figures, over other ids. */
  formula?: string;
  /** What a source stated for a derived figure, in the figure's scale. */
  stated?: number;
  tolerance?: number;
  /** Earlier value for "change vs previous" on stat cards. */
  previous?: { value: number; label?: string };
  /** The id `previous` names, when it names a figure. */
  previousId?: string;
  revisions: Revision[];
  reviewBy?: string;
  /** Where it is declared. */
  file: string;
  line: number;
  /** Formatted forms, computed once so every output reads the same. */
  text: { long: string; short: string };
}

export interface SeriesPoint {
  date: string;
  value: number;
  label?: string;
}

export interface Series {
  id: string;
  label: string;
  unit: Unit;
  scale: Scale;
  period?: Period;
  per?: string;
  noun?: string;
  points: SeriesPoint[];
  source: Source;
  note?: string;
  file: string;
  line: number;
}

export interface Registry {
  figures: Record<string, Figure>;
  series: Record<string, Series>;
  /** Content hash of the inputs. */
  hash: string;
}
