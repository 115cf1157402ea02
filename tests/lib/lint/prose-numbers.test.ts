import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { typedNumbers } from '../../../src/lib/lint/prose-numbers.ts';
import { lintProject } from '../../../src/lib/lint/lint.ts';
import { buildRegistry } from '../../../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../../../src/lib/inputs/registry-files.ts';
import { toFigureIndex } from '../../../scripts/lib/figure-index.ts';
import { projectRoot } from '../../helpers/project.ts';
import { FRONT, now, project } from './fixture.ts';

const read = (s: string) => typedNumbers(s).map((n) => [n.text, n.unit, n.base]);

describe('typedNumbers', () => {
  it('reads currencies with scales', () => {
    expect(read('raised to ¥200 billion, about $28 bn, and €1 billion in Finland')).toEqual([
      ['¥200 billion', 'CNY', 2e11],
      ['$28 bn', 'USD', 2.8e10],
      ['€1 billion', 'EUR', 1e9],
    ]);
    expect(read('RMB 33.4 billion and 0.0008 yuan')).toEqual([
      ['RMB 33.4 billion', 'CNY', 3.34e10],
      ['0.0008 yuan', 'CNY', 0.0008],
    ]);
  });

  it('reads percentages and token counts', () => {
    expect(read('49.2% of the market, 30 trillion tokens a day, 120 billion')).toEqual([
      ['49.2%', 'percent', 49.2],
      ['30 trillion tokens', 'tokens', 3e13],
      ['120 billion', 'count', 1.2e11],
    ]);
  });

  it('leaves bare numbers such as years alone', () => {
    expect(read('In May 2024, 3 companies and 20,000 chips')).toEqual([]);
  });

  it('knows rounding, rates, ranges and comparisons', () => {
    const [a, b] = typedNumbers('¥150 bn, about ¥550 million a day');
    expect([a!.rounding, a!.period]).toEqual([5e9, undefined]);
    expect([b!.rounding, b!.hedged, b!.period]).toEqual([5e6, true, 'day']);
    expect(typedNumbers('¥150–200 bn').map((n) => n.range)).toEqual([true, true]);
    expect(typedNumbers('between ¥150 bn and ¥250 bn').map((n) => n.range)).toEqual([true, true]);
    expect(typedNumbers('up from ¥150 bn, more than $5 bn').map((n) => n.comparison)).toEqual([true, true]);
    expect(typedNumbers('¥2 bn')[0]!.rounding).toBe(0.05e9);
  });
});

describe('numbers in prose against the figures beside them (the real registry)', () => {
  const registry = buildRegistry(readRegistryFiles(join(projectRoot, 'content', 'figures'), projectRoot)).registry!;
  const figures = toFigureIndex(registry);
  const lint = (body: string, rule: string) =>
    lintProject(project({ '2026-01-02-a.mdx': `${FRONT(1)}\n${body}\n` }), { now, pageSize: 10, figures })
      .diagnostics.filter((d) => d.rule === rule)
      .map((d) => [d.severity, d.line, d.message, d.fix]);

  it('refuses a number that contradicts the figure in its sentence, naming both', () => {
    expect(
      lint('ByteDance plans capex of ¥150 bn in 2026, <Fig id="bytedance.capex.2026" /> in all.', 'prose-number'),
    ).toEqual([
      [
        'error',
        15,
        '"¥150 bn" contradicts <Fig id="bytedance.capex.2026" /> (¥200 billion) in the same sentence.',
        'If it is the same number, write <Fig id="bytedance.capex.2026" />; if it is another one (an earlier plan, another company), say so ("up from ¥150 bn") or add it to content/figures/.',
      ],
    ]);
  });

  it.each([
    ['another scale', 'The plan, <Fig id="bytedance.capex.2026" />, is ¥0.15 trillion.', '"¥0.15 trillion"'],
    ['a share', 'Chips take 50% of the plan (<Fig id="bytedance.capex.chips-share" />).', '"50%"'],
    ['a daily rate', 'That is <Fig id="bytedance.capex.daily" />, or ¥600 million a day.', '"¥600 million"'],
    ['a heading', '## Capex of ¥150 bn: <Fig id="bytedance.capex.2026" />', '"¥150 bn"'],
  ])('catches it in %s', (_what, body, shown) => {
    const d = lint(body, 'prose-number');
    expect(d.map(([severity, , message]) => [severity, String(message).split(' contradicts')[0]])).toEqual([
      ['error', shown],
    ]);
  });

  it('warns about a differing number elsewhere, in a sentence about what a shown figure measures', () => {
    expect(
      lint(
        'The plan is <Fig id="bytedance.capex.2026" />.\n\nByteDance will spend ¥150 bn on AI infrastructure in 2026.',
        'prose-number',
      ),
    ).toEqual([
      [
        'warning',
        17,
        '"¥150 bn" is typed in a sentence about "ByteDance AI infrastructure spending plan for 2026", which this article shows as ¥200 billion (line 15).',
        expect.stringContaining('<Fig id="bytedance.capex.2026" />'),
      ],
    ]);
  });

  it.each([
    ['a range', 'Analysts expected ¥150–180 bn; the plan is <Fig id="bytedance.capex.2026" />.'],
    ['a range in words', 'Analysts expected between ¥150 bn and ¥180 bn, not <Fig id="bytedance.capex.2026" />.'],
    ['years', 'In 2026 the plan is <Fig id="bytedance.capex.2026" />, 2025 plans were smaller.'],
    ['"two thirds"', 'Two thirds of <Fig id="bytedance.capex.2026" /> goes to chips and data centres.'],
    ['a comparison', 'The plan rose to <Fig id="bytedance.capex.2026" />, up from ¥150 bn in drafts.'],
    ['a rounded value', 'That is <Fig id="bytedance.capex.daily" />, ¥548 million a day.'],
    ['a hedged value', 'That is <Fig id="bytedance.capex.daily" />, about ¥560 million a day.'],
    ['another unit', 'The plan, <Fig id="bytedance.capex.2026" />, is roughly $28 bn.'],
    ['a total beside a rate', 'That is <Fig id="bytedance.capex.daily" />, ¥190 billion over the year.'],
    ['a unit price', 'The price fell to <Fig id="doubao.price.after" />; the list price was ¥0.2 yuan.'],
    [
      'an unrelated sentence elsewhere',
      'The plan is <Fig id="bytedance.capex.2026" />.\n\nA rival raised ¥150 bn last spring.',
    ],
    [
      'a sentence sharing one word with a label',
      'The plan is <Fig id="bytedance.capex.2026" />.\n\nA rival spent ¥150 bn in 2026.',
    ],
    [
      'a sentence sharing only unit words with a label',
      'Traffic reached <Fig id="volcano.tokens.daily.2025-09" />.\n\nA smaller rival would need about 119 billion tokens a day.',
    ],
  ])('leaves alone %s', (_what, body) => {
    expect(lint(body, 'prose-number')).toEqual([]);
  });

  it("treats a different figure's value as that figure (suggesting <Fig>), not a contradiction", () => {
    const body = 'ByteDance raised the plan from ¥160 bn to <Fig id="bytedance.capex.2026" />.';
    expect(lint(body, 'prose-number')).toEqual([]);
    expect(lint(body, 'typed-figure')).toEqual([
      [
        'warning',
        15,
        '"¥160 bn" equals the registered figure bytedance.capex.2026-initial.',
        'Write <Fig id="bytedance.capex.2026-initial" /> so the number stays in step with the registry.',
      ],
    ]);
  });
});
