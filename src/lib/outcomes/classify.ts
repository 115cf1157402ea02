import { readStatus, stripMarkerHtml, type OutcomeStatus } from './status.ts';
import { textOf, type ParsedTable } from './table-html.ts';
import { readTrackTag } from './tracking.ts';

export interface OutcomeRow {
  status: OutcomeStatus;
  /** The scenario's name as HTML, marker removed. */
  scenario: string;
  /** The other cells, HTML, in column order. */
  cells: string[];
  /** Set when the row is a tracked prediction: `(track: id, due YYYY-MM-DD)`. */
  trackId?: string;
  due?: string;
}

export type ClassifiedTable =
  | { kind: 'outcome'; head: string[]; rows: OutcomeRow[]; likelihoodColumn?: number }
  | { kind: 'comparison'; head: string[]; rows: string[][] }
  | { kind: 'plain'; table: ParsedTable };

const LIKELIHOOD = /^(likelihood|probability|odds|chance)$/i;

/**
 * Decide what a GFM table is:
 * - an outcome table when every body row's first cell starts with ✅, ⚠️ or ❌
 *   (a marker later in a cell, or on only some rows, does not count);
 * - a comparison table when the top-left header cell is empty and two or more
 *   sides are compared;
 * - otherwise a plain table.
 */
export function classifyTable(table: ParsedTable): ClassifiedTable {
  const { head, rows } = table;
  if (rows.length > 0 && head.length >= 2) {
    const statuses = rows.map((r) => (r[0] === undefined ? undefined : readStatus(textOf(r[0]))));
    if (statuses.every((s) => s !== undefined && s.rest.length > 0)) {
      const likelihood = head.findIndex((h, i) => i > 0 && LIKELIHOOD.test(textOf(h)));
      return {
        kind: 'outcome',
        head,
        rows: rows.map((r, i) => {
          const tag = readTrackTag(stripMarkerHtml(r[0]!));
          return {
            status: statuses[i]!.status,
            scenario: tag.text,
            cells: r.slice(1),
            ...(tag.id ? { trackId: tag.id, due: tag.due } : {}),
          };
        }),
        likelihoodColumn: likelihood > 0 ? likelihood - 1 : undefined,
      };
    }
  }
  if (head.length >= 3 && textOf(head[0] ?? '') === '' && rows.length > 0) {
    return { kind: 'comparison', head, rows };
  }
  return { kind: 'plain', table };
}
