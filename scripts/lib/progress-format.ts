/**
 * Text of the build's progress reports (scripts/lib/progress.ts prints it):
 * durations, the live line, the closing summary, and reading Astro's log for
 * pages rendered. Pure, so the wording is unit-tested.
 */

/** "0.4 s", "12.3 s", "2 min 05 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 100) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

// Terminal colour codes (ESC [ … m).
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Text without terminal colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
/**
 * Astro logs each page it writes as `├─ /path (+12ms)` or `└─ /path (+12ms)`; building
 * pages in parallel (build.concurrency), it writes a batch's first pages without a time
 * or a line break, several to a line.
 */
const PAGE_ENTRY = /[├└]─ \/\S*/g;

/** How many pages a line of `astro build` output reports written. */
export function pagesInLine(line: string): number {
  return stripAnsi(line).match(PAGE_ENTRY)?.length ?? 0;
}

/** Whether a line of `astro build` output is a warning worth passing on (Vite's notes about Astro's own MDX directives are not). */
export function isWarningLine(line: string): boolean {
  const plain = stripAnsi(line);
  return /\[(WARN|ERROR)\]/.test(plain) && !plain.includes('MODULE_LEVEL_DIRECTIVE');
}

export interface StepReport {
  name: string;
  ms: number;
  /** e.g. "378 pages, 9.1/s". */
  detail?: string;
}

/** The live line: step, elapsed time, and what it has done so far. */
export function liveLine(step: string, elapsedMs: number, detail?: string): string {
  return `… ${step} ${formatSeconds(elapsedMs)}${detail ? ` · ${detail}` : ''}`;
}

/** "123 pages (9.4/s)". */
export function pagesDetail(pages: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? pages / (elapsedMs / 1000) : 0;
  return `${pages} page${pages === 1 ? '' : 's'} (${rate.toFixed(1)}/s)`;
}

/** "12 drawn, 288 from cache" (or "none" when there were none). */
export function cacheDetail(label: string, c: { drawn: number; cached: number }): string {
  if (c.drawn + c.cached === 0) return `${label}: none`;
  return `${label}: ${c.drawn} drawn, ${c.cached} from cache`;
}

/** One line per step with its time, aligned, then the total. */
export function summaryLines(steps: readonly StepReport[], totalMs: number): string[] {
  const width = Math.max(...steps.map((s) => s.name.length), 5);
  const lines = steps.map(
    (s) => `  ${s.name.padEnd(width)}  ${formatSeconds(s.ms).padStart(10)}${s.detail ? `  ${s.detail}` : ''}`,
  );
  return [...lines, `  ${'total'.padEnd(width)}  ${formatSeconds(totalMs).padStart(10)}`];
}
