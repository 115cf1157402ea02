/**
 * An issue far too long for an inbox (tests/build/email-size.test.ts): its newsletter edition passes Gmail's
 * 102 KB clipping limit, so the first build of the site holding it stops, and a build told to go on warns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An issue of `sections` sections, each a few paragraphs and a three-column table of `rows` rows. */
function longIssue(sections: number, rows: number): string {
  const words = (n: number, seed: number) =>
    Array.from(
      { length: n },
      (_, i) => ['compute', 'capacity', 'pricing', 'tokens', 'cloud', 'margin'][(i + seed) % 6],
    ).join(' ');
  const body = Array.from({ length: sections }, (_, s) => {
    const table = Array.from(
      { length: rows },
      (_, r) => `| Row ${r + 1} of part ${s + 1} | ${words(6, r)} | ${words(5, r + 1)} |`,
    );
    return `## Part ${s + 1}\n\n${words(120, s)}.\n\n${words(110, s + 2)}.\n\n| Item | Detail | Note |\n|---|---|---|\n${table.join('\n')}\n`;
  });
  return `---\ntitle: "A very long issue"\ndek: "Everything at once."\npublished: 2026-01-15\nauthors: ["AI Frontier desk"]\ntags: ["capex"]\nissue: 90\nsources:\n  - name: "Example, a report"\n    url: "https://example.org/report"\n    date: 2026-01-01\nsummary: "One issue far too long for an inbox."\n---\n\n${body.join('\n')}`;
}

/** The article /articles/very-long/ (issue 90). */
export function writeLongIssue(dir: string): void {
  writeFileSync(join(dir, 'content/articles/2026-01-15-very-long.mdx'), longIssue(12, 12));
}
