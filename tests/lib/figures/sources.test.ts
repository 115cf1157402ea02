import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/lib/figures/registry.ts';
import { isHomePage, mergeSources, sourceParts } from '../../../src/lib/figures/sources.ts';
import type { Source } from '../../../src/lib/figures/types.ts';

const build = (yaml: string) => buildRegistry({ files: [{ path: 'content/figures/t.yaml', text: yaml }] });
const figure = (source: string) =>
  `figures:\n  - id: a.b\n    label: A\n    value: 1\n    unit: CNY\n    asOf: "2026"\n    source: ${source}\n`;

describe('sources record the cited piece', () => {
  it('recognises a bare home page', () => {
    expect(['https://www.scmp.com/', 'https://idc.com', 'http://example.org/'].map(isHomePage)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [
        'https://www.scmp.com/tech/article/3352906/x',
        'https://example.org/?p=12',
        'https://x.substack.com/p/piece',
        'not a url',
      ].map(isHomePage),
    ).toEqual([false, false, false, false]);
  });

  it('warns, with file and line, when a named or inline source links to a home page', () => {
    const r = build(
      `sources:\n  home:\n    publisher: Example News\n    title: A piece\n    url: "https://example.org/"\n    date: "2026"\n  piece:\n    publisher: Example News\n    title: Another piece\n    url: "https://example.org/2026/another"\n    date: "2026"\n${figure('{ name: "Inline", url: "https://inline.example/", date: "2026" }')}`,
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => `${w.file}:${w.line} ${w.message}`)).toEqual([
      'content/figures/t.yaml:3 Source "home" links to https://example.org/, a home page, not the piece it cites.',
      'content/figures/t.yaml:18 The source of figure a.b links to https://inline.example/, a home page, not the piece it cites.',
    ]);
    expect(r.warnings[0]!.fix).toMatch(/Set `url:` to the article or report itself/);
  });

  it('builds the name from publisher and title, and keeps both', () => {
    const r = build(
      `sources:\n  s:\n    publisher: South China Morning Post\n    title: ByteDance raises 2026 capex\n    url: "https://www.scmp.com/tech/article/1/x"\n    date: "2026"\n${figure('s')}`,
    );
    expect(r.registry!.figures['a.b']!.source).toEqual({
      name: 'South China Morning Post, “ByteDance raises 2026 capex”',
      publisher: 'South China Morning Post',
      title: 'ByteDance raises 2026 capex',
      url: 'https://www.scmp.com/tech/article/1/x',
      date: '2026',
    });
    expect(sourceParts({ name: 'Publisher, a title, with commas' })).toEqual({
      publisher: 'Publisher',
      title: 'a title, with commas',
    });
    expect(sourceParts({ name: 'IDC' })).toEqual({ publisher: 'IDC' });
  });

  it('reads better: up|down and refuses anything else at its line', () => {
    const ok = build(`${figure('{ name: "S", url: "https://s.example/p", date: "2026" }')}    better: down\n`);
    expect(ok.registry!.figures['a.b']!.better).toBe('down');
    const bad = build(`${figure('{ name: "S", url: "https://s.example/p", date: "2026" }')}    better: higher\n`);
    expect(bad.errors.map((e) => `${e.line} ${e.detail}`)).toEqual(['8 `better` is "higher".']);
    expect(bad.errors[0]!.fix).toMatch(/better: up.*better: down/);
  });
});

describe('one merged source list per article', () => {
  const piece: Source = {
    name: 'SCMP, “Capex”',
    publisher: 'SCMP',
    title: 'Capex',
    url: 'https://www.scmp.com/tech/article/1/capex',
    date: '2026',
  };
  const other: Source = { name: 'IDC, shares', url: 'https://www.idc.com/', date: '2025-10-20' };
  it("groups figures by source, and merges the article's own sources into them (the piece wins over a home page)", () => {
    const groups = mergeSources(
      [
        { id: 'a', source: piece },
        { id: 'b', source: other },
        { id: 'c', source: piece },
      ],
      [
        { name: 'South China Morning Post, report', url: 'https://www.scmp.com/', date: new Date('2026-03-02') },
        { name: 'Own reporting', url: 'https://own.example/notes', date: new Date('2026-01-01') },
      ],
    );
    expect(groups.map((g) => [g.source.url, g.figures.map((f) => f.id)])).toEqual([
      ['https://www.scmp.com/tech/article/1/capex', ['a', 'c']],
      ['https://www.idc.com/', ['b']],
      ['https://own.example/notes', []],
    ]);
    // A home-page group takes the piece when one turns up later.
    const later = mergeSources([
      { id: 'x', source: { ...other, url: 'https://www.scmp.com/' } },
      { id: 'y', source: piece },
    ]);
    expect(later.map((g) => [g.source.url, g.figures.map((f) => f.id)])).toEqual([
      ['https://www.scmp.com/tech/article/1/capex', ['x', 'y']],
    ]);
  });
});

describe('a source with no public address', () => {
  it('is recorded without `url` when it has a title, with no home-page warning', () => {
    const r = build(
      `sources:\n  report:\n    publisher: IDC\n    title: "A paid report, 2025H1"\n    date: "2025-09"\n${figure('report')}`,
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.registry!.figures['a.b']!.source).toEqual({
      name: 'IDC, “A paid report, 2025H1”',
      publisher: 'IDC',
      title: 'A paid report, 2025H1',
      date: '2025-09',
    });
  });

  it('is refused without a title either, with the file, the line and the fix', () => {
    const r = build(`sources:\n  report:\n    publisher: IDC\n    date: "2025-09"\n${figure('report')}`);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(
      /content\/figures\/t\.yaml:\d+.*neither `url` nor `title`: a reader could not find the piece/,
    );
  });

  it('stays its own entry in an article’s sources: unlinked sources merge only with the same name', () => {
    const idc: Source = { name: 'IDC, “Report”', publisher: 'IDC', title: 'Report', date: '2025-09' };
    const other: Source = { name: 'IDC, “Another”', publisher: 'IDC', title: 'Another', date: '2025-10' };
    const home: Source = { name: 'IDC', url: 'https://www.idc.com/', date: '2025-10' };
    const groups = mergeSources([
      { id: 'a', source: idc },
      { id: 'b', source: other },
      { id: 'c', source: { ...idc } },
      { id: 'd', source: home },
    ]);
    expect(groups.map((g) => [g.source.name, g.figures.map((f) => f.id)])).toEqual([
      ['IDC, “Report”', ['a', 'c']],
      ['IDC, “Another”', ['b']],
      ['IDC', ['d']],
    ]);
  });
});
