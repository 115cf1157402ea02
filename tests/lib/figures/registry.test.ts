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

describe('registry sources under the URL policy (src/lib/url-policy.ts, as in articles)', () => {
  const withUrl = (url: string, archived = '') =>
    `sources:\n  s:\n    name: "A source"\n    url: "${url}"\n    date: "2025-09"\n${archived ? `    archived: "${archived}"\n` : ''}figures:\n  - id: a.b\n    label: "A"\n    value: 1\n    unit: CNY\n    asOf: "2026"\n    source: s\n`;

  it.each([
    ['javascript:alert(1)', 'is a javascript: address'],
    ['data:text/html,x', 'is a data: address'],
    ['//evil.example/a', 'starts with two slashes'],
    ['/figures/', 'is not a web address'],
  ])('refuses %s with the line and the fix', (url, what) => {
    const r = build(withUrl(url));
    expect(r.registry).toBeUndefined();
    expect(r.errors.map((e) => [e.line, e.field, e.detail.includes(what), /https:\/\//.test(e.fix ?? '')])).toEqual([
      [4, 'sources.s.url', true, true],
    ]);
  });

  it('warns about plain http sources and archive copies, once each, at the source', () => {
    const r = build(withUrl('http://example.org/a', 'http://web.archive.org/web/2025/https://example.org/a'));
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.rule, w.line, w.message.split(':')[0]])).toEqual([
      ['http-source', 3, 'Source "s"'],
      ['http-source', 3, 'Source "s"'],
    ]);
    expect(r.warnings[0]!.fix).toBe('Use https://example.org/a if the site serves it.');
  });

  it('refuses a remote sheet over plain http from another computer', () => {
    const r = build(
      `${SOURCE}remotes:\n  - id: sheet\n    url: "http://example.org/data.csv"\n    format: csv\n    source: s\n`,
    );
    expect(r.errors.map((e) => [e.line, e.field, e.detail])).toEqual([
      [
        8,
        'remote sheet.url',
        '"http://example.org/data.csv" is plain http: the sheet could be changed on its way to the build.',
      ],
    ]);
  });
});

describe('one mistake, one message', () => {
  const yaml = `${SOURCE}figures:
  - id: a.plan
    label: "Plan"
    value: "200 bn"
    unit: CNY
    scale: billion
    asOf: "2026"
    source: s
  - id: a.daily
    label: "Daily"
    formula: a.plan / 365
    unit: CNY
    scale: billion
  - id: a.usd
    label: "In dollars"
    formula: a.daily * 365 * 0.14
    unit: USD
    scale: billion
  - id: a.next
    label: "Next year"
    value: 210
    unit: CNY
    scale: billion
    asOf: "2027"
    source: s
    previous: a.plan
  - id: a.other
    label: "Unrelated"
    value: 5
    unit: CNY
    asOf: "2026"
    source: s
`;

  it('reports a broken figure once, not again in each formula or `previous` that uses it', () => {
    const r = build(yaml);
    expect(r.errors.map((e) => `${e.line} ${e.field}: ${e.detail}`)).toEqual([
      '9 figure a.plan.value: Expected a number, received "200 bn".',
    ]);
    // What depends on it is broken too (known, not unknown); the rest is there to check articles against.
    expect([...r.broken].sort()).toEqual(['a.daily', 'a.next', 'a.plan', 'a.usd']);
    expect(Object.keys(r.partial.figures)).toEqual(['a.other']);
    expect(r.registry).toBeUndefined();
  });

  it('still names an id no entry declares', () => {
    const r = build(yaml.replace('formula: a.plan / 365', 'formula: a.plan / 365 + a.nope'));
    expect(r.errors.map((e) => e.detail)).toEqual([
      'Expected a number, received "200 bn".',
      'The formula refers to unknown id "a.nope".',
    ]);
  });

  it('reports a broken source once, not again in each figure citing it', () => {
    const r = build(
      `sources:\n  s:\n    name: "A source"\n    url: "javascript:alert(1)"\n    date: "2025-09"\nfigures:\n  - id: a.b\n    label: "A"\n    value: 1\n    unit: CNY\n    asOf: "2026"\n    source: s\n  - id: a.c\n    label: "C"\n    formula: a.b * 2\n    unit: CNY\n`,
    );
    expect(r.errors.map((e) => e.field)).toEqual(['sources.s.url']);
    expect([...r.broken].sort()).toEqual(['a.b', 'a.c']);
  });
});
