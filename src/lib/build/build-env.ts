/** "Now" for this build: BUILD_DATE when set, else the clock (read on every call). */
export function buildNow(): Date {
  // BUILD_DATE lets tests and scheduled rebuilds pin "today".
  const pinned = process.env.BUILD_DATE;
  return pinned ? new Date(pinned) : new Date();
}
