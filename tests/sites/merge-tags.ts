/**
 * Merge-tag syntax typed into every content field of an article, and arriving in a figure label from a
 * remote sheet (served on 127.0.0.1 while the site builds), for tests/build/email-merge-tags.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TAGS = '{{ unsubscribe_url }} *|UNSUB|* %%name%%';
/** The same in MDX text, where a bare brace opens an expression: escaped as an author would write it. */
const MDX_TAGS = '\\{\\{ unsubscribe_url \\}\\} *|UNSUB|* %%name%%';

/** A remote sheet whose one figure's label carries template syntax; `close` stops it. */
export async function serveSheet(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(`id,label,value,unit,asOf\nsheet.hostile,"Sheet {% for x in y %} ${TAGS}",7,count,2026-01\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sheet.csv`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The article /articles/merge-tags/ (issue 78) and content/figures/hostile-tags.yaml, which pulls `sheetUrl`. */
export function writeMergeTags(dir: string, sheetUrl: string): void {
  const y = JSON.stringify;
  writeFileSync(
    join(dir, 'content/figures/hostile-tags.yaml'),
    `sources:\n  sheet:\n    name: ${y(`Sheet owner ${TAGS}`)}\n    url: "https://example.org/sheet"\n    date: "2026"\nfigures:\n  - id: tags.local\n    label: ${y(`Local label ${TAGS}`)}\n    value: 3\n    unit: count\n    asOf: "2026"\n    source: sheet\nremotes:\n  - id: hostile-sheet\n    url: ${sheetUrl}\n    format: csv\n    timeoutMs: 5000\n    source: sheet\n`,
  );
  writeFileSync(
    join(dir, 'content/articles/2026-01-12-merge-tags.mdx'),
    `---\ntitle: ${y(`Title ${TAGS}`)}\ndek: ${y(`Dek ${TAGS}`)}\npublished: 2026-01-12\nauthors: [${y(`Author ${TAGS}`)}]\ntags: [${y(`Tag ${TAGS}`)}]\nissue: 78\nsources:\n  - name: ${y(`Source ${TAGS}`)}\n    url: "https://example.org/?a={{x}}"\n    date: 2026-01-01\nsummary: ${y(`Summary ${TAGS}`)}\nkeyFigures: ["tags.local"]\n---\n\nBody \`{{ first_name }}\` and \`{% if x %}\`, *|FNAME|* and %%FirstName%%, <Fig id="tags.local" /> and <Fig id="sheet.hostile" />.\n\n| Outcome | ${MDX_TAGS} |\n|---|---|\n| Cell \`{{ a }}\` | *|LNAME|* |\n\n<p style="background:url(https://tracker.example/bg.gif);position:fixed;top:0">Styled by the author.</p>\n\n<img src="https://tracker.example/pixel.gif" alt="A pixel" />\n\n<Chart type="bar" title=${y(`Chart ${TAGS}`)} figures={["tags.local", "sheet.hostile"]} labels={[${y(`Label ${TAGS}`)}, "Two"]} />\n`,
  );
}
