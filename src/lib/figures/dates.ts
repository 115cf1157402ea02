/** Registry dates: YYYY, YYYY-MM or YYYY-MM-DD, each a real calendar date. */
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

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

/** The last instant a partial date covers, for comparisons ("2026" ends 2026-12-31). */
export function endOfPartialDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return new Date(Date.UTC(y!, 11, 31));
  if (d === undefined) return new Date(Date.UTC(y!, m, 0));
  return new Date(Date.UTC(y!, m - 1, d));
}

/** The first instant a partial date covers ("2026" starts 2026-01-01). */
export function startOfPartialDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}
