import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintProject } from '../../../src/lib/lint/lint.ts';
import type { FigureIndex } from '../../../src/lib/lint/context.ts';
import { FRONT } from './fixture.ts';

/** A throw-away project holding the given articles (file name → body after the frontmatter). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aif-lint-'));
  mkdirSync(join(root, 'content', 'articles'), { recursive: true });
  mkdirSync(join(root, 'public'), { recursive: true });
  writeFileSync(join(root, 'public', 'favicon.svg'), '<svg/>');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'content', 'articles', name), text);
  return root;
}

const figures: FigureIndex = {
  figureIds: ['bytedance.capex.2026', 'bytedance.capex.chips', 'idc.share.volcano'],
  seriesIds: ['volcano.tokens.daily'],
  reviewDateOf: (id) => (id === 'idc.share.volcano' ? new Date('2026-01-01') : new Date('2030-01-01')),
  inputsOf: (id) => (id === 'bytedance.capex.2026' ? ['bytedance.capex.chips'] : []),
  declaredAt: (id) => ({ file: 'content/figures/bytedance.yaml', line: id === 'idc.share.volcano' ? 30 : 3 }),
  numbers: [
    { id: 'bytedance.capex.2026', unit: 'CNY', base: 2e11 },
    { id: 'idc.share.volcano', unit: 'percent', base: 49.2 },
  ],
};

const now = new Date('2026-06-01T00:00:00Z');
const lint = (files: Record<string, string>, withFigures = true) =>
  lintProject(project(files), { now, pageSize: 10, figures: withFigures ? figures : undefined }).diagnostics;
const only = (rule: string, d: ReturnType<typeof lint>) =>
  d.filter((x) => x.rule === rule).map((x) => `${x.file.replace(/^.*content/, 'content')}:${x.line}`);

// The frontmatter (with its fences) takes lines 1–13; each body below starts with a blank line 14, so its first text is on line 15.
describe('content linter', () => {
  it('finds an unknown figure id with its line and suggestions', () => {
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\nCapex was <Fig id="bytedance.capx.2026" />.\n` });
    expect(only('unknown-figure', d)).toEqual(['content/articles/2026-01-02-a.mdx:15']);
    expect(d.find((x) => x.rule === 'unknown-figure')?.fix).toContain('"bytedance.capex.2026"');
  });

  it('lists figures declared but unused as warnings at their declaration', () => {
    // chips is an input of capex 2026, so using capex uses it too.
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\n<Fig id="bytedance.capex.2026" />\n` });
    expect(d.filter((x) => x.rule === 'unused-figure').map((x) => [x.severity, x.file, x.line, x.message])).toEqual([
      ['warning', 'content/figures/bytedance.yaml', 30, 'Figure "idc.share.volcano" is not used by any article.'],
    ]);
  });

  it('finds images without alt text', () => {
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\nText.\n\n![](/chart.png)\n\n<img src="/x.png" />\n` });
    expect(only('image-alt', d)).toEqual([
      'content/articles/2026-01-02-a.mdx:17',
      'content/articles/2026-01-02-a.mdx:19',
    ]);
  });

  it('finds an article without sources', () => {
    const d = lint({ '2026-01-02-a.mdx': FRONT(1).replace(/sources:\n( {2}.*\n)+/, 'sources: []\n') + '\nBody.\n' });
    expect(
      d.some((x) => x.severity === 'error' && x.message.includes('sources') && x.file.endsWith('2026-01-02-a.mdx')),
    ).toBe(true);
  });

  it('finds broken internal links, links to drafts and missing headings', () => {
    const d = lint({
      '2026-01-02-a.mdx': `${FRONT(1)}\nSee [nothing](/articles/nope/), [draft](/articles/b/), [ok](/articles/c/#real-heading) and [bad anchor](/articles/c/#nope) and [home](/).\n`,
      '2026-01-03-b.mdx': `${FRONT(2, '\ndraft: true')}\nDraft.\n`,
      '2026-01-04-c.mdx': `${FRONT(3)}\n## Real heading\n`,
    });
    const broken = d.filter((x) => x.rule === 'broken-link');
    expect(broken.map((x) => x.message)).toEqual([
      'Link to /articles/nope/ goes nowhere.',
      expect.stringContaining('Link to /articles/b/ goes nowhere. content/articles/2026-01-03-b.mdx is a draft'),
      'Link to /articles/c/#nope: the page has no heading #nope.',
    ]);
    expect(broken.map((x) => x.line)).toEqual([15, 15, 15]);
  });

  it('finds duplicate issue numbers and duplicate slugs', () => {
    const d = lint({ '2026-01-02-same.mdx': `${FRONT(1)}\nA\n`, '2026-02-02-same.mdx': `${FRONT(1)}\nB\n` });
    const messages = d
      .filter((x) => x.severity === 'error')
      .map((x) => `${x.file.replace(/^.*content/, 'content')}:${x.line} ${x.message}`);
    expect(messages).toContain(
      'content/articles/2026-02-02-same.mdx:1 The URL /articles/same/ is already taken by content/articles/2026-01-02-same.mdx.',
    );
    expect(messages).toContain(
      'content/articles/2026-02-02-same.mdx:7 issue: Issue number 1 is already used by content/articles/2026-01-02-same.mdx.',
    );
  });

  it('suggests <Fig> for numbers typed in prose that equal a figure', () => {
    const d = lint({
      '2026-01-02-a.mdx': `${FRONT(1)}\nThe plan is ¥200 billion and Volcano holds 49.2% while 12% is other.\n`,
    });
    expect(d.filter((x) => x.rule === 'typed-figure').map((x) => [x.line, x.column, x.fix])).toEqual([
      [15, 13, 'Write <Fig id="bytedance.capex.2026" /> so the number stays in step with the registry.'],
      [15, 44, 'Write <Fig id="idc.share.volcano" /> so the number stays in step with the registry.'],
    ]);
  });

  it('finds components the column does not have', () => {
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\nA <Figure id="x" /> here.\n` });
    expect(
      d.filter((x) => x.rule === 'unknown-component').map((x) => [x.line, x.message, x.fix?.slice(0, 24)]),
    ).toEqual([[15, "<Figure> is not one of the column's components.", 'Did you mean <Fig>? Avai']]);
  });

  it.each([
    [
      'an unknown type',
      '<Chart type="radar" title="T" labels={["a"]} datasets={[{ label: "x", values: [1] }]} />',
      'Chart "T" has unknown type "radar".',
    ],
    [
      'a length mismatch',
      '<Chart type="bar" title="T" labels={["a", "b"]} datasets={[{ label: "x", values: [1] }]} />',
      'Chart "T" has 2 labels but 1 values in "x".',
    ],
    [
      'a non-finite value',
      '<Chart type="bar" title="T" labels={["a"]} datasets={[{ label: "x", values: ["1bn"] }]} />',
      'Chart "T" has a value that is not a finite number ("1bn" for "a").',
    ],
    ['no data', '<Chart type="bar" title="T" />', 'Chart "T" has no data.'],
  ])('finds a bad chart spec: %s', (_name, chart, message) => {
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\nText.\n\n${chart}\n` });
    expect(d.filter((x) => x.rule === 'bad-chart').map((x) => [x.line, x.message])).toEqual([[17, message]]);
  });

  it('lists figures past review with the articles that show them', () => {
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\nShare: <Fig id="idc.share.volcano" />.\n` });
    expect(d.filter((x) => x.rule === 'stale-figure').map((x) => `${x.file}:${x.line} ${x.message}`)).toEqual([
      `content/figures/bytedance.yaml:30 Figure "idc.share.volcano" was due for review on 2026-01-01; shown in ${join('content', 'articles', '2026-01-02-a.mdx')}.`,
    ]);
  });

  it('lists tracked outcomes past due without a resolution', () => {
    const table =
      '| Outcome | Result |\n|---|---|\n| ✅ Win (track: acme.win, due 2026-01-31) | a |\n| ❌ Lose (track: acme.lose, due 2030-01-31) | b |\n';
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\n${table}` });
    expect(
      d
        .filter((x) => x.rule === 'overdue-outcome')
        .map((x) => `${x.file.replace(/^.*content/, 'content')}:${x.line} ${x.message}`),
    ).toEqual(['content/articles/2026-01-02-a.mdx:17 Outcome "acme.win" was due on 2026-01-31 and has no resolution.']);
  });

  it('lists future-dated articles as scheduled', () => {
    const d = lint({ '2026-01-02-a.mdx': FRONT(1).replace(/published: .*/, 'published: 2027-01-01') + '\nLater.\n' });
    // At the `published` line (4), where the date is changed.
    expect(d.filter((x) => x.severity === 'info').map((x) => [x.line, x.message])).toEqual([
      [4, 'Scheduled: publishes on 2027-01-01 (not in builds before then).'],
    ]);
  });

  it('gives a duplicate issue the number npm run new would give, skipping a draft numbered 99', () => {
    const d = lint({
      '2026-01-02-a.mdx': `${FRONT(1)}
A.
`,
      '2026-01-03-b.mdx': `${FRONT(2)}
B.
`,
      '2026-01-04-c.mdx': `${FRONT(99, '\ndraft: true')}
Draft.
`,
      '2026-01-05-d.mdx': `${FRONT(2).replace('title: "Fixture 2"', 'title: "Another"')}
D.
`,
    });
    expect(d.filter((x) => x.message.includes('already used')).map((x) => [x.line, x.message, x.fix])).toEqual([
      [
        7,
        'issue: Issue number 2 is already used by content/articles/2026-01-03-b.mdx.',
        'Give this article the next free issue number (3), as npm run new does.',
      ],
    ]);
  });

  it('lists findings by file, then line, then column', () => {
    const d = lint({
      '2026-01-02-b.mdx': `${FRONT(2)}
See [x](/nope/).

![](/images/none.png)

<Fig id="nope.x" />
`,
      '2026-01-01-a.mdx': `${FRONT(1)}
## A

#### Skip

See [y](/nope/) and [z](/nope2/).
`,
    });
    const places = d.map((x) => [x.file.replace(/^.*\//, ''), x.line ?? 0, x.column ?? 0] as const);
    const sorted = [...places].sort((p, q) => p[0].localeCompare(q[0]) || p[1] - q[1] || p[2] - q[2]);
    expect(places.length).toBeGreaterThan(4);
    expect(places).toEqual(sorted);
  });

  it('reports MDX syntax errors with file, line and column', () => {
    const d = lint({ '2026-01-02-a.mdx': `${FRONT(1)}\nFine line.\n\n<Fig id="x" \n` });
    const e = d.find((x) => x.rule === 'mdx-syntax');
    expect(e?.file).toBe(join('content', 'articles', '2026-01-02-a.mdx'));
    expect(e?.line).toBeGreaterThanOrEqual(17);
    expect(e?.message).toMatch(/^MDX syntax error/);
  });
});
