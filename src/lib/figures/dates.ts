/**
 * Registry dates: YYYY, YYYY-MM or YYYY-MM-DD, each a real calendar date, or a half-year or quarter
 * (YYYY-H1, YYYY-Q3) for a number that describes one, so it reads "H1 2025", not as its last month.
 */
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(H[12]|Q[1-4]))?$/;

export function isPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === Number(d);
}

/** The months a date covers, first and last (1–12), and its day when it has one. */
function span(value: string): { year: number; first: number; last: number; day?: number } {
  const [, y, mo, d, part] = PARTIAL.exec(value) ?? [];
  const year = Number(y ?? value.slice(0, 4));
  if (part) {
    const n = Number(part[1]);
    const months = part[0] === 'H' ? 6 : 3;
    return { year, first: (n - 1) * months + 1, last: n * months };
  }
  if (mo === undefined) return { year, first: 1, last: 12 };
  return { year, first: Number(mo), last: Number(mo), ...(d === undefined ? {} : { day: Number(d) }) };
}

/** The last instant a partial date covers, for comparisons ("2026" ends 2026-12-31, "2025-H1" 2025-06-30). */
export function endOfPartialDate(value: string): Date {
  const { year, last, day } = span(value);
  return day === undefined ? new Date(Date.UTC(year, last, 0)) : new Date(Date.UTC(year, last - 1, day));
}

/** The first instant a partial date covers ("2026" starts 2026-01-01, "2025-Q3" 2025-07-01). */
export function startOfPartialDate(value: string): Date {
  const { year, first, day } = span(value);
  return new Date(Date.UTC(year, first - 1, day ?? 1));
}

/** Order of registry dates: by where they start, then by where they end ("2025-H1" before "2025-06", "2025" after both). */
export function comparePartialDates(a: string, b: string): number {
  return (
    startOfPartialDate(a).getTime() - startOfPartialDate(b).getTime() ||
    endOfPartialDate(a).getTime() - endOfPartialDate(b).getTime()
  );
}

/** A registry date as an HTML `datetime` value: a half-year or quarter gives its year, the finest valid one. */
export function htmlDatetime(value: string): string {
  return value.replace(/-[HQ]\d$/, '');
}
