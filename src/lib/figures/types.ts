/**
 * The registry's types after validation and evaluation. Declared fields come from the schema
 * (./schema.ts); this file adds only what the reader and evaluator compute.
 */
import type { z } from 'astro/zod';
import type { figureDeclSchema, remoteDeclSchema, seriesDeclSchema, Source } from './schema.ts';

export type { Revision, SeriesPoint, Source } from './schema.ts';

/** Where a declaration sits, for file:line messages. */
export interface DeclaredAt {
  file: string;
  line: number;
}

/** A figure as declared, its source resolved; derived values are computed later. */
export type FigureDecl = Omit<z.output<typeof figureDeclSchema>, 'source'> &
  DeclaredAt & { source?: Source; /** Its file's `topic:` (the heading on /figures/). */ topic?: string };

/** A series as declared is already complete (no derived values). */
export type Series = Omit<z.output<typeof seriesDeclSchema>, 'source'> & DeclaredAt & { source: Source };

export type RemoteDecl = Omit<z.output<typeof remoteDeclSchema>, 'source'> & DeclaredAt & { source: Source };

/** One figure after validation and evaluation: everything a page, chart or feed needs. */
export type Figure = Omit<FigureDecl, 'value' | 'asOf' | 'source' | 'previous'> & {
  value: number;
  /** Its own date, or for derived figures the latest of its inputs'. */
  asOf: string;
  /** Its own source, or for derived figures its first input's. */
  source: Source;
  /** Earlier value for "change vs previous" on stat cards. */
  previous?: { value: number; label?: string };
  /** The id `previous` names, when it names a figure. */
  previousId?: string;
  /** Formatted forms, computed once so every output reads the same. */
  text: { long: string; short: string };
};

export interface Registry {
  figures: Record<string, Figure>;
  series: Record<string, Series>;
  /** Content hash of the inputs. */
  hash: string;
}
