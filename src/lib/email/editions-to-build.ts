/**
 * Which newsletter editions a build writes: the newest issues (as many as a
 * feed carries), plus any asked for by slug, or every one with `all`. The
 * request comes from EMAIL_EDITIONS (comma-separated), which `npm run email`
 * sets, so any issue's edition can be made on demand while an ordinary
 * build does not render the whole archive's.
 */
export function editionsToBuild<T extends { id: string }>(
  newestFirst: readonly T[],
  newest: number,
  request: string | undefined,
): T[] {
  const wanted = new Set(
    (request ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (wanted.has('all')) return [...newestFirst];
  return newestFirst.filter((a, i) => i < newest || wanted.has(a.id));
}
