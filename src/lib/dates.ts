/** Dates as readers see them ("20 Oct 2025") and as machines read them (ISO). UTC throughout. */
const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(date: Date): string {
  return long.format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
