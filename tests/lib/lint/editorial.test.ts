import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../src/lib/lint/lint.ts';
import type { FigureIndex } from '../../../src/lib/lint/context.ts';
import { FRONT, findings, now, project } from './fixture.ts';

describe('the outline', () => {
  it('reports a heading that skips a level, with the level to use', () => {
    expect(findings('heading', '## Where the money goes\n\n#### Chips\n\n### Data centres')).toEqual([
      [
        17,
        '#### skips a level after ## (line 15): screen readers and the contents list read the outline from these levels.',
        'Make it ### Chips.',
      ],
    ]);
    expect(findings('heading', '### First section')[0]![1]).toContain('skips a level after # (the title)');
  });

  it('reports a second page title and an empty heading', () => {
    expect(
      findings('heading', '# Another title\n\n##\n\nText.').map(([line, message]) => [line, message.slice(0, 40)]),
    ).toEqual([
      [15, '"# Another title" is a second page title'],
      [17, 'This ## heading has no text: it would sh'],
    ]);
  });

  it('accepts an outline that steps down one level at a time, and back up', () => {
    expect(findings('heading', '## A\n\n### B\n\n#### C\n\n## D\n\n### E')).toEqual([]);
  });

  it('warns when --- under a paragraph turns it into a heading', () => {
    expect(findings('heading', 'The plan splits into three parts.\n---\n\nText.')).toEqual([
      [
        15,
        'The --- on line 16 turns "The plan splits into three parts." into a heading, not a paragraph followed by a line.',
        expect.stringContaining('leave a blank line before ---'),
      ],
    ]);
    expect(findings('heading', 'A paragraph.\n\n---\n\nText.')).toEqual([]);
  });
});

describe('links and images', () => {
  it('reports a link with no text', () => {
    expect(
      findings('empty-link', 'See [](https://example.org/filing) and <a href="https://example.org/x"></a>.'),
    ).toEqual([
      [
        15,
        'The link to https://example.org/filing has no text, so readers cannot see or click it.',
        expect.stringContaining('[the filing](https://example.org/filing)'),
      ],
      [15, '<a href="https://example.org/x"> has no text, so readers cannot see or click it.', expect.any(String)],
    ]);
    expect(
      findings(
        'empty-link',
        'See [![A fab](/images/fab.jpg)](https://example.org/) and [the filing](https://example.org/f).',
      ),
    ).toEqual([]);
  });

  it('warns about alt text that says nothing, or repeats the caption', () => {
    const body = [
      '![fab.jpg](/images/fab.jpg)',
      '![Image](/images/fab.jpg)',
      '![A clean room](/images/fab.jpg "A clean room")',
      '<figure><img src="/images/fab.jpg" alt="Wafers on a line" /><figcaption>Wafers on a line</figcaption></figure>',
      '![Workers in white suits beside a wafer line](/images/fab.jpg "The Hefei fab")',
    ].join('\n\n');
    expect(findings('image-alt', body).map(([line, message]) => [line, message])).toEqual([
      [15, 'The alt text of /images/fab.jpg is its file name ("fab.jpg").'],
      [17, 'The alt text of /images/fab.jpg only says what it is ("Image"), not what it shows.'],
      [19, 'The alt text of /images/fab.jpg repeats the caption word for word, so screen readers read it twice.'],
      [21, 'The alt text of /images/fab.jpg repeats the caption word for word, so screen readers read it twice.'],
    ]);
  });
});

describe('lengths feeds, social cards and search engines use', () => {
  const withSummary = (summary: string, dek = 'Dek') =>
    FRONT(1).replace('summary: "One sentence."', `summary: "${summary}"`).replace('dek: "Dek"', `dek: "${dek}"`);

  it('warns about a summary over 200 characters and refuses one over 400', () => {
    expect(findings('text-length', 'Text.', withSummary('a'.repeat(200)))).toEqual([]);
    expect(findings('text-length', 'Text.', withSummary(`${'word '.repeat(50)}end.`))).toEqual([
      [
        12,
        'The summary is 254 characters; search results show about 160 and social cards cut it at 200.',
        expect.stringMatching(/^Say it in one sentence of at most 200 characters/),
      ],
    ]);
    const { diagnostics } = lintProject(project({ '2026-01-02-a.mdx': `${withSummary('x'.repeat(666))}\nText.\n` }), {
      now,
      pageSize: 10,
    });
    expect(diagnostics.filter((d) => d.rule === 'text-length').map((d) => [d.severity, d.line])).toEqual([
      ['error', 12],
    ]);
  });

  it('warns about a long dek at its line', () => {
    expect(
      findings('text-length', 'Text.', withSummary('One.', 'd'.repeat(201))).map(([line, m]) => [line, m.slice(0, 30)]),
    ).toEqual([[3, 'The dek is 201 characters; the']]);
  });
});

describe('tags', () => {
  it('reports tags that are one tag spelt differently within an article', () => {
    const front = FRONT(1).replace('tags: ["fixture"]', 'tags: ["Capex", "capex ", "CAPEX", "chips"]');
    expect(findings('tag-spelling', 'Text.', front)).toEqual([
      [
        6,
        'Tags "Capex" and "capex" are one tag (/tags/capex/): the article would show it twice.',
        'Keep one: "Capex".',
      ],
      [
        6,
        'Tags "Capex" and "CAPEX" are one tag (/tags/capex/): the article would show it twice.',
        'Keep one: "Capex".',
      ],
    ]);
  });

  it('reports a spelling other articles do not use, with the one most of them use', () => {
    const tagged = (issue: number, tag: string) => FRONT(issue).replace('tags: ["fixture"]', `tags: ["${tag}"]`);
    const { diagnostics } = lintProject(
      project({
        '2026-01-02-a.mdx': `${tagged(1, 'token prices')}\nA.\n`,
        '2026-01-03-b.mdx': `${tagged(2, 'token prices')}\nB.\n`,
        '2026-01-04-c.mdx': `${tagged(3, 'Token Prices')}\nC.\n`,
      }),
      { now, pageSize: 10 },
    );
    expect(
      diagnostics
        .filter((d) => d.rule === 'tag-spelling')
        .map((d) => [d.file.replace(/^.*\//, ''), d.line, d.message, d.fix]),
    ).toEqual([
      [
        '2026-01-04-c.mdx',
        6,
        'Tag "Token Prices" is spelt "token prices" in 2 other articles: one tag page (/tags/token-prices/) with two names, whichever it meets first.',
        'Write it "token prices".',
      ],
    ]);
  });
});

describe('charts and tables', () => {
  it('reports two charts with one anchor', () => {
    const chart = (title: string, id = '') =>
      `<Chart type="bar" title="${title}"${id ? ` id="${id}"` : ''} labels={["a"]} datasets={[{ label: "x", values: [1] }]} unit="USD" />`;
    expect(
      findings(
        'duplicate-id',
        [chart('Capex'), chart('Capex'), chart('Other', 'capex-2'), chart('Again', 'capex-2')].join('\n\n'),
      ),
    ).toEqual([
      [
        17,
        "This chart's anchor #chart-capex is already used by the chart on line 15: links to it would land on the first.",
        'Give it its own id, e.g. id="capex-2", or its own title.',
      ],
      [
        21,
        "This chart's anchor #capex-2 is already used by the chart on line 19: links to it would land on the first.",
        expect.any(String),
      ],
    ]);
  });

  it('reports likelihoods in percent that do not add up to 100%', () => {
    const table = (a: string, b: string, c: string) =>
      `| Outcome | Conditions | Likelihood |\n|---|---|---|\n| ✅ Best | All good | ${a} |\n| ⚠️ Middle | Some good | ${b} |\n| ❌ Worst | None | ${c} |`;
    expect(findings('likelihood', table('50%', '40%', '20%'))).toEqual([
      [
        15,
        'The likelihood column adds up to 110% (50% + 40% + 20%), not 100%: the scenarios are meant to cover every outcome.',
        expect.any(String),
      ],
    ]);
    expect(findings('likelihood', table('50%', '30%', '20%'))).toEqual([]);
    expect(findings('likelihood', table('High', 'Low', 'Low'))).toEqual([]);
  });
});

describe('a figure shown after a newer one replaced it', () => {
  const figures: FigureIndex = {
    figureIds: ['capex.initial', 'capex.raised'],
    seriesIds: [],
    declaredAt: () => undefined,
    inputsOf: () => [],
    reviewDateOf: () => undefined,
    supersededBy: (id) => (id === 'capex.initial' ? [{ id: 'capex.raised', date: new Date('2026-03-02') }] : []),
    numbers: [],
  };
  const lint = (published: string, body: string) =>
    lintProject(
      project({ '2026-01-02-a.mdx': `${FRONT(1).replace(/published: .*/, `published: ${published}`)}\n${body}\n` }),
      {
        now,
        pageSize: 10,
        figures,
      },
    ).diagnostics.filter((d) => d.rule === 'superseded-figure');

  it('warns when the old number appears alone after the new one was out', () => {
    expect(lint('2026-04-01', 'Capex: <Fig id="capex.initial" />.').map((d) => [d.line, d.message, d.fix])).toEqual([
      [
        15,
        'capex.initial was replaced by capex.raised (published 2026-03-02, before this article): readers would take the old number for the current one.',
        'Show <Fig id="capex.raised" /> instead, or both ("from <Fig id="capex.initial" /> to <Fig id="capex.raised" />").',
      ],
    ]);
  });

  it('leaves alone an article from before the revision, and one that shows both', () => {
    expect(lint('2026-02-01', 'Capex: <Fig id="capex.initial" />.')).toEqual([]);
    expect(lint('2026-04-01', 'From <Fig id="capex.initial" /> to <Fig id="capex.raised" />.')).toEqual([]);
  });
});

describe('imports', () => {
  const lint = (body: string) => {
    const root = project({
      '2026-01-02-a.mdx': `${FRONT(1)}\n${body}\n`,
      'node_modules/real-pkg/package.json': '{"name":"real-pkg","main":"index.js"}',
      'node_modules/real-pkg/index.js': '',
      'src/components/Box.astro': '---\n---\n<div><slot /></div>\n',
    });
    return lintProject(root, { now, pageSize: 10 }).diagnostics;
  };

  it('reports an import of a file or package that does not exist at its own line, with the components to use', () => {
    const d = lint(
      'Text.\n\nimport Fig from "../components/Fig.astro"\nimport StatCards from "../../src/components/StatCards.astro"\nimport { x } from "no-such-pkg"\n\nMore.',
    );
    expect(d.filter((x) => x.rule === 'missing-import').map((x) => [x.line, x.column, x.message, x.fix])).toEqual([
      [
        17,
        1,
        '../components/Fig.astro does not exist (looked for it from content/articles/), so the build would stop here.',
        "Delete this line: <Fig> is one of the column's components and needs no import.",
      ],
      [
        18,
        1,
        '../../src/components/StatCards.astro does not exist (looked for it from content/articles/), so the build would stop here.',
        "Delete this line and use the column's components, which need no import: Fig, StatCard, Chart, OutcomeTable, Callout, PullQuote, InOneSentence (did you mean <StatCard>?); or correct the path.",
      ],
      [
        19,
        1,
        'no-such-pkg does not exist (no such package is installed), so the build would stop here.',
        expect.stringContaining('Delete this line'),
      ],
    ]);
  });

  it('accepts imports that resolve, and the components they bring', () => {
    const d = lint(
      'import Box from "../../src/components/Box.astro"\nimport { y } from "real-pkg"\n\n<Box>Text.</Box>',
    );
    expect(d.filter((x) => x.rule === 'missing-import' || x.rule === 'unknown-component')).toEqual([]);
  });
});
