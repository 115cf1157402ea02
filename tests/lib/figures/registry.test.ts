import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../../../src/lib/inputs/registry-files.ts';
import { projectRoot } from '../../helpers/project.ts';
import { join } from 'node:path';

const SOURCE = `sources:\n  s:\n    name: "A source"\n    url: "https://example.org/a"\n    date: "2025-09"\n`;
const build = (yaml: string, extra: Array<{ path: string; text: string }> = []) =>
  buildRegistry({ files: [{ path: 'content/figures/t.yaml', text: yaml }, ...extra] });
const messages = (yaml: string) => build(yaml).errors.map((e) => `${e.file}:${e.line} ${e.field ?? ''}: ${e.detail}`);

const fig = (fields: string) => `${SOURCE}figures:\n  - id: a.b\n    label: "A"\n${fields}`;

describe('registry validation', () => {
  it('accepts a complete figure and formats it', () => {
    const r = build(fig('    value: 200\n    unit: CNY\n    scale: billion\n    asOf: "2026"\n    source: s\n'));
    expect(r.errors).toEqual([]);
    expect(r.registry!.figures['a.b']!.text).toEqual({ long: '¥200 billion', short: '¥200 bn' });
  });

  it.each([
    [
      'non-numeric value',
      '    value: "200bn"\n    unit: CNY\n    asOf: "2026"\n    source: s\n',
      'content/figures/t.yaml:9 figure a.b.value: Expected a number, received "200bn".',
    ],
    [
      'unknown unit',
      '    value: 1\n    unit: RMB\n    asOf: "2026"\n    source: s\n',
      'content/figures/t.yaml:10 figure a.b.unit: Unknown unit, received "RMB".',
    ],
    [
      'bad date',
      '    value: 1\n    unit: CNY\n    asOf: "2025-13"\n    source: s\n',
      'content/figures/t.yaml:11 figure a.b.asOf: "2025-13" is not a date.',
    ],
    [
      'unknown source',
      '    value: 1\n    unit: CNY\n    asOf: "2026"\n    source: nope\n',
      'content/figures/t.yaml:12 figure a.b.source: Unknown source "nope".',
    ],
    [
      'unknown field',
      '    value: 1\n    unit: CNY\n    asOf: "2026"\n    source: s\n    vlaue: 2\n',
      'content/figures/t.yaml:13 figure a.b.vlaue: Unknown field "vlaue".',
    ],
    [
      'value and formula',
      '    value: 1\n    formula: 2\n    unit: CNY\n    asOf: "2026"\n    source: s\n',
      'content/figures/t.yaml:7 figure a.b: A figure has either `value` or `formula`, not both.',
    ],
    [
      'missing source',
      '    value: 1\n    unit: CNY\n    asOf: "2026"\n',
      'content/figures/t.yaml:7 figure a.b.source: The figure has no source.',
    ],
    [
      'bad scale',
      '    value: 1\n    unit: CNY\n    scale: bn\n    asOf: "2026"\n    source: s\n',
      'content/figures/t.yaml:11 figure a.b.scale: Unknown scale, received "bn".',
    ],
  ])('reports %s with file, line and field', (_name, fields, expected) => {
    expect(messages(fig(fields))).toContain(expected);
  });

  it('reports bad ids and broken YAML', () => {
    expect(messages(`figures:\n  - id: NotDotted\n    value: 1\n`)[0]).toMatch(
      /t\.yaml:2 figure NotDotted\.id: The id "NotDotted" is not a dotted id\./,
    );
    expect(messages(`figures:\n  - id: a.b\n   value: [1\n`)[0]).toMatch(
      /^content\/figures\/t\.yaml:\d+ : Not valid YAML/,
    );
  });

  it('reports a duplicate id across files, naming both places', () => {
    const one = `${SOURCE}figures:\n  - id: a.b\n    label: A\n    value: 1\n    unit: CNY\n    asOf: "2026"\n    source: s\n`;
    const r = build(one, [
      {
        path: 'content/figures/u.yaml',
        text: `figures:\n  - id: a.b\n    label: B\n    value: 2\n    unit: CNY\n    asOf: "2026"\n    source: s\n`,
      },
    ]);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(
        'content/figures/u.yaml:2 (a.b): Duplicate id "a.b": already declared at content/figures/t.yaml:7.',
      ),
    ]);
  });
});

describe('derived figures', () => {
  const base = `${SOURCE}figures:
  - id: x.capex
    label: Capex
    value: 200
    unit: CNY
    scale: billion
    asOf: "2026"
    source: s
`;
  const derived = (formula: string, more = '') =>
    `${base}  - id: x.derived\n    label: D\n    formula: ${formula}\n    unit: CNY\n    scale: million\n${more}`;

  it('computes across scales and inherits source and date', () => {
    const f = build(derived('x.capex / 365')).registry!.figures['x.derived']!;
    expect(f.value).toBeCloseTo(547.945, 2);
    expect(f.text.long).toBe('¥548 million');
    expect(f.source.name).toBe('A source');
    expect(f.asOf).toBe('2026');
  });

  it('reports unknown ids with suggestions, cycles with their path, and division by zero', () => {
    expect(messages(derived('x.capx / 365'))).toEqual([
      expect.stringContaining('The formula refers to unknown id "x.capx".'),
    ]);
    expect(build(derived('x.capx / 365')).errors[0]!.fix).toContain('"x.capex"');
    const cycle = `${base}  - id: c.one\n    label: 1\n    formula: c.two + 1\n    unit: count\n  - id: c.two\n    label: 2\n    formula: c.one * 2\n    unit: count\n`;
    expect(messages(cycle).join('\n')).toMatch(/Formula cycle: c\.one → c\.two → c\.one\./);
    expect(messages(derived('x.capex / (x.capex - x.capex)')).join('\n')).toContain('Division by zero');
  });

  it('flags stated values beyond the tolerance only', () => {
    const r = build(
      `${derived('x.capex / 365', '    stated: 548\n')}  - id: x.growth\n    label: G\n    formula: x.capex / 0.8\n    unit: CNY\n    scale: billion\n    stated: 253\n`,
    );
    expect(r.discrepancies.map((d) => d.figure.id)).toEqual(['x.growth']);
    expect(r.discrepancies[0]!.message).toContain(
      'states ¥253 billion but x.capex / 0.8 gives ¥250 billion (1.2% apart)',
    );
  });
});

describe('the real registry', () => {
  it('validates, and flags the seed discrepancy of 253-fold against 250-fold', () => {
    const r = buildRegistry(readRegistryFiles(join(projectRoot, 'content', 'figures'), projectRoot));
    expect(r.errors.map((e) => e.message)).toEqual([]);
    expect(r.discrepancies.map((d) => d.figure.id)).toEqual(['volcano.tokens.growth']);
    const f = r.registry!.figures;
    expect(f['bytedance.capex.daily']!.text.long).toBe('¥548 million a day');
    expect(f['volcano.tokens.growth']!.text.long).toBe('250×');
    expect(f['bytedance.capex.2026']!.previous).toEqual({
      value: 160,
      label: "ByteDance's earlier 2026 AI spending plan, before the raise",
    });
  });
});
