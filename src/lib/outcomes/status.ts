/**
 * The column marks scenarios with ✅ ⚠️ ❌. Each marker maps to a status with a
 * word that screen readers announce instead of the emoji's name.
 */
export type OutcomeStatus = 'good' | 'mixed' | 'bad';

export interface StatusInfo {
  status: OutcomeStatus;
  emoji: string;
  /** Announced and shown next to the icon. */
  label: string;
}

export const STATUSES: Record<OutcomeStatus, StatusInfo> = {
  good: { status: 'good', emoji: '✅', label: 'Success' },
  mixed: { status: 'mixed', emoji: '⚠️', label: 'Partial' },
  bad: { status: 'bad', emoji: '❌', label: 'Failure' },
};

// ⚠ may come with or without the emoji variation selector (U+FE0F).
const MARKERS: Array<[RegExp, OutcomeStatus]> = [
  [/^\u2705\uFE0F?/u, 'good'],
  [/^\u26A0\uFE0F?/u, 'mixed'],
  [/^\u274C\uFE0F?/u, 'bad'],
];

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
  return html.replace(/^(\s*(?:<[^>]+>\s*)*)(?:\u2705|\u26A0|\u274C)\uFE0F?\s*/u, '$1');
}
