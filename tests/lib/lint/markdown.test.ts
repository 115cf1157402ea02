import { describe, expect, it } from 'vitest';
import { FRONT, findings } from './fixture.ts';

describe('missing local images', () => {
  it('reports body images (Markdown and <img>) that do not exist, with where images go', () => {
    const d = findings(
      'missing-image',
      '![A fab](/images/fab.jpg)\n\n![A missing fab](/images/fabb.jpg)\n\n<img src="/images/nope.png" alt="Nope" />\n\n![Remote](https://example.org/x.png)',
    );
    expect(d).toEqual([
      [
        17,
        'Image /images/fabb.jpg does not exist, so it would be published broken.',
        "Put the file in public/images/ and write its path from there, e.g. /images/fabb.jpg; or correct the path's spelling.",
      ],
      [19, 'Image /images/nope.png does not exist, so it would be published broken.', expect.any(String)],
    ]);
  });

  it('reports a relative image path, which is not published', () => {
    expect(findings('missing-image', '![A fab](./fab.jpg)')).toEqual([
      [
        15,
        'Image ./fab.jpg is a relative path; only files in public/ are published, so it would be broken.',
        expect.stringContaining('/images/fab.jpg'),
      ],
    ]);
  });

  it('reports a hero image that does not exist at its src line', () => {
    const front = FRONT(1, '\nhero:\n  src: "/images/hero.jpg"\n  alt: "A hero"');
    expect(findings('missing-image', 'Text.', front)).toEqual([
      [14, 'Image /images/hero.jpg does not exist, so it would be published broken.', expect.any(String)],
    ]);
    expect(findings('missing-image', 'Text.', front.replace('hero.jpg', 'fab.jpg'))).toEqual([]);
  });
});

describe('footnotes', () => {
  it('reports a note nobody references', () => {
    expect(findings('footnote', 'A claim.[^a]\n\n[^a]: Source A.\n[^b]: Source B.')).toEqual([
      [
        18,
        'Footnote [^b] is never referenced, so its text would be dropped.',
        'Add [^b] in the text where the note belongs, or delete the note.',
      ],
    ]);
  });

  it('reports a reference with no note', () => {
    expect(findings('footnote', 'A claim.[^missing]')).toEqual([
      [
        15,
        'Footnote reference [^missing] has no note, so it would show as "[^missing]".',
        'Add the note on its own line at the end: [^missing]: The text of the note.',
      ],
    ]);
  });
});

describe('outcome table markers', () => {
  const table = (markers: string[]) =>
    `| Outcome | Result |\n|---|---|\n${markers.map((m, i) => `| ${m} Case ${i} | r |`).join('\n')}`;

  it("accepts the column's markers and their synonyms", () => {
    expect(findings('outcome-marker', table(['✅', '⚠️', '❌']))).toEqual([]);
    expect(findings('outcome-marker', table(['✔️', '✓', '✔', '✗', '✘']))).toEqual([]);
  });

  it('reports a marker it does not know, at its row, saying which to use', () => {
    expect(findings('outcome-marker', table(['✅', '💥', '❌']))).toEqual([
      [
        18,
        'Outcome marker 💥 is not one the site knows, so this table would show as a plain table.',
        expect.stringContaining('✅ success, ⚠️ partial, ❌ failure'),
      ],
    ]);
  });

  it('reports a row without a marker when the others have one', () => {
    expect(
      findings('outcome-marker', '| Outcome | Result |\n|---|---|\n| ✅ Best | a |\n| Worst | b |').map((d) => [
        d[0],
        d[1],
      ]),
    ).toEqual([
      [18, 'This row has no outcome marker while others have one, so the table would show as a plain table.'],
    ]);
  });

  it('checks the status of each <OutcomeTable> row, accepting the same markers', () => {
    const table = (statuses: string[]) =>
      `<OutcomeTable\n  caption="C"\n  columns={["Outcome", "Result"]}\n  rows={[${statuses.map((s) => `{ status: "${s}", scenario: "S", cells: ["r"] }`).join(', ')}]}\n/>`;
    expect(findings('outcome-marker', table(['✅', '✔️', 'bad', '⚠️']))).toEqual([]);
    expect(findings('outcome-marker', table(['✅', '🚀']))).toEqual([
      [
        18,
        '<OutcomeTable> row 2 has status "🚀", which the site does not know (it would show as partial).',
        'Use "✅", "⚠️" or "❌" (or good, mixed, bad).',
      ],
    ]);
  });

  it('leaves plain tables alone', () => {
    expect(findings('outcome-marker', '| Company | Capex |\n|---|---|\n| ByteDance | 200 |')).toEqual([]);
  });
});

describe('chart labels and figures', () => {
  it('reports a count mismatch at the labels line, in terms of figures', () => {
    const d = findings(
      'bad-chart',
      '<Chart\n  type="bar"\n  title="T"\n  figures={["bytedance.capex.2026", "bytedance.capex.chips"]}\n  labels={["Total"]}\n/>',
    );
    expect(d).toEqual([[19, 'Chart "T" has 1 labels but 2 figures.', expect.stringContaining('one label per figure')]]);
  });
});
