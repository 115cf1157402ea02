/**
 * The column marks scenarios with ✅ ⚠️ ❌: how good an outcome would be, not whether it happened (the
 * scorecard's words say that: open, came true, partly, did not). Each marker maps to a status with a
 * word shown beside it and announced instead of the emoji's name.
 */
export type OutcomeStatus = 'good' | 'mixed' | 'bad';

export interface StatusInfo {
  status: OutcomeStatus;
  emoji: string;
  /** Announced and shown next to the icon: the kind of scenario, never a verdict. */
  label: string;
}

export const STATUSES: Record<OutcomeStatus, StatusInfo> = {
  good: { status: 'good', emoji: '✅', label: 'Best case' },
  mixed: { status: 'mixed', emoji: '⚠️', label: 'Mixed case' },
  bad: { status: 'bad', emoji: '❌', label: 'Worst case' },
};

/**
 * Markers an author may type, by status: the column's own (first) and common
 * synonyms, so a table written with ✔️ or ✗ is still an outcome table. Each
 * may come with or without the emoji variation selector (U+FE0F).
 */
export const MARKER_SYNONYMS: Record<OutcomeStatus, readonly string[]> = {
  good: ['\u2705', '\u2714', '\u2713', '\u{1F7E2}'], // ✅ ✔ ✓ 🟢
  mixed: ['\u26A0', '\u{1F7E1}', '\u{1F7E0}'], // ⚠ 🟡 🟠
  bad: ['\u274C', '\u2717', '\u2718', '\u{1F534}'], // ❌ ✗ ✘ 🔴
};

const MARKERS: Array<[RegExp, OutcomeStatus]> = (
  Object.entries(MARKER_SYNONYMS) as Array<[OutcomeStatus, readonly string[]]>
).flatMap(([status, marks]) => marks.map((m): [RegExp, OutcomeStatus] => [new RegExp(`^${m}\\uFE0F?`, 'u'), status]));
const ANY_MARKER = Object.values(MARKER_SYNONYMS).flat().join('|');

/** If `text` starts with a status marker, the status and the text after it. */
export function readStatus(text: string): { status: OutcomeStatus; rest: string } | undefined {
  const trimmed = text.trimStart();
  for (const [re, status] of MARKERS) {
    const m = re.exec(trimmed);
    if (m) return { status, rest: trimmed.slice(m[0].length).trim() };
  }
  return undefined;
}

/** Remove a leading marker from a cell's HTML, keeping any markup after it. */
export function stripMarkerHtml(html: string): string {
  return html.replace(new RegExp(`^(\\s*(?:<[^>]+>\\s*)*)(?:${ANY_MARKER})\\uFE0F?\\s*`, 'u'), '$1');
}
