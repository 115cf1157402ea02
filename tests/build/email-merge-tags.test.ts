/**
 * Merge-tag syntax typed into every content field of an article, and arriving
 * in a figure label from a remote sheet, built into a newsletter edition: no
 * service's template engine finds anything but the footer's own tags, in the
 * HTML part or the text part. The edition's body is the same for every preset
 * (only the footer differs; tests/lib/email/edition-merge-tags.test.ts renders
 * each preset's footer), so one build is read with each service's syntax.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScriptAsync } from '../helpers/project.ts';
import { NEWSLETTER_SERVICES } from '../../src/lib/email/presets.ts';
import { footerTags, tagsEvaluated } from '../helpers/service-templates.ts';

const TAGS = '{{ unsubscribe_url }} *|UNSUB|* %%name%%';
/** The same in MDX text, where a bare brace opens an expression: escaped as an author would write it. */
const MDX_TAGS = '\\{\\{ unsubscribe_url \\}\\} *|UNSUB|* %%name%%';
let dir = '';
let server: Server;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(`id,label,value,unit,asOf\nsheet.hostile,"Sheet {% for x in y %} ${TAGS}",7,count,2026-01\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  dir = copyProject();
  const y = JSON.stringify;
  writeFileSync(
    join(dir, 'content/figures/hostile-tags.yaml'),
    `sources:\n  sheet:\n    name: ${y(`Sheet owner ${TAGS}`)}\n    url: "https://example.org/sheet"\n    date: "2026"\nfigures:\n  - id: tags.local\n    label: ${y(`Local label ${TAGS}`)}\n    value: 3\n    unit: count\n    asOf: "2026"\n    source: sheet\nremotes:\n  - id: hostile-sheet\n    url: http://127.0.0.1:${port}/sheet.csv\n    format: csv\n    timeoutMs: 5000\n    source: sheet\n`,
  );
  writeFileSync(
    join(dir, 'content/articles/2026-01-12-merge-tags.mdx'),
    `---\ntitle: ${y(`Title ${TAGS}`)}\ndek: ${y(`Dek ${TAGS}`)}\npublished: 2026-01-12\nauthors: [${y(`Author ${TAGS}`)}]\ntags: [${y(`Tag ${TAGS}`)}]\nissue: 78\nsources:\n  - name: ${y(`Source ${TAGS}`)}\n    url: "https://example.org/?a={{x}}"\n    date: 2026-01-01\nsummary: ${y(`Summary ${TAGS}`)}\nkeyFigures: ["tags.local"]\n---\n\nBody \`{{ first_name }}\` and \`{% if x %}\`, *|FNAME|* and %%FirstName%%, <Fig id="tags.local" /> and <Fig id="sheet.hostile" />.\n\n| Outcome | ${MDX_TAGS} |\n|---|---|\n| Cell \`{{ a }}\` | *|LNAME|* |\n\n<p style="background:url(https://tracker.example/bg.gif);position:fixed;top:0">Styled by the author.</p>\n\n<img src="https://tracker.example/pixel.gif" alt="A pixel" />\n\n<Chart type="bar" title=${y(`Chart ${TAGS}`)} figures={["tags.local", "sheet.hostile"]} labels={[${y(`Label ${TAGS}`)}, "Two"]} />\n`,
  );
  const result = await runScriptAsync('scripts/build.ts', [], {
    cwd: dir,
    env: { BUILD_DATE: '2026-11-24T00:00:00Z', EMAIL_EDITIONS: 'merge-tags', NEWSLETTER_SERVICE: 'generic' },
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}, 300_000);
afterAll(() => server?.close());

describe('third-party loads from content', () => {
  it.each(['dist/rss.xml', 'dist/atom.xml', 'dist/feed.json', 'dist/newsletter/merge-tags.html'])(
    '%s: no author style and no remote image, the image kept as a link',
    (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).toContain('Styled by the author.');
      expect(text).not.toMatch(/position:fixed|url\(https:\/\/tracker/);
      expect(text).not.toMatch(/src=\\?"https:\/\/tracker\.example/);
      expect(text).toMatch(/href=\\?"https:\/\/tracker\.example\/pixel\.gif\\?"[^>]*>Image: A pixel/);
    },
  );
});

describe('merge tags from content and a remote figure', () => {
  const part = (ext: string) => readFileSync(join(dir, `dist/newsletter/merge-tags.${ext}`), 'utf8');

  it.each(['html', 'txt'])('the %s part shows them as text', (ext) => {
    const text = part(ext).replaceAll('\u2060', '');
    for (const shown of ['Title {{ unsubscribe_url }}', 'Sheet {% for x in y %}', 'Local label {{', '*|UNSUB|*'])
      expect(text).toContain(shown);
  });

  for (const service of NEWSLETTER_SERVICES) {
    it.each(['html', 'txt'])(`${service}'s template engine finds only the footer's tags in the %s part`, (ext) => {
      const own = new Set(footerTags('generic'));
      expect(tagsEvaluated(service, part(ext)).filter((t) => !own.has(t))).toEqual([]);
    });
  }
});
