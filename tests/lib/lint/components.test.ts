import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { join } from 'node:path';
import { findings } from './fixture.ts';
import { MDX_COMPONENT_NAMES, MDX_COMPONENT_PROPS } from '../../../src/lib/content/component-names.ts';
import { projectRoot } from '../../helpers/project.ts';

describe('unknown props', () => {
  it('reports a misspelled chart prop at its line, with "did you mean"', () => {
    const d = findings(
      'unknown-prop',
      '<Chart\n  type="line"\n  title="T"\n  logscale\n  labels={["a"]}\n  datasets={[{ label: "x", values: [1] }]}\n/>',
    );
    expect(d).toEqual([
      [
        18,
        '<Chart> has no prop "logscale"; it would be ignored.',
        expect.stringMatching(/^Did you mean logScale\? <Chart> takes: type, title/),
      ],
    ]);
  });

  it.each([
    ['<Fig id="bytedance.capex.2026" fromat="short" />', 'Fig', 'format'],
    ['<StatCard id="bytedance.capex.2026" lable="Capex" />', 'StatCard', 'label'],
    ['<Callout tpye="key">A point.</Callout>', 'Callout', 'type'],
    ['<PullQuote cites="Someone">Words.</PullQuote>', 'PullQuote', 'cite'],
    ['<OutcomeTable caption="C" column={["a", "b"]} rows={[]} />', 'OutcomeTable', 'columns'],
  ])('on every component: %s', (body, name, guess) => {
    const [d] = findings('unknown-prop', body);
    expect(d?.[0]).toBe(15);
    expect(d?.[1]).toMatch(new RegExp(`^<${name}> has no prop`));
    expect(d?.[2]).toMatch(new RegExp(`^Did you mean ${guess}\\?`));
  });

  it('says when a component takes no props at all', () => {
    expect(findings('unknown-prop', '<InOneSentence title="x">Point.</InOneSentence>')).toEqual([
      [15, '<InOneSentence> has no prop "title"; it would be ignored.', '<InOneSentence> takes no props.'],
    ]);
  });

  it('accepts every prop the components declare', () => {
    expect(
      findings(
        'unknown-prop',
        '<Fig id="bytedance.capex.2026" format="short" /> and <StatCard id="bytedance.capex.2026" label="Capex" />',
      ),
    ).toEqual([]);
  });

  // The lists in names.ts must follow the components' Props, or a real prop would be reported (or a typo let through).
  it('knows exactly the props each component declares', () => {
    const propsOf = (source: string, iface: string) => {
      // The Props interface sits in the component's frontmatter (between the --- fences); parse it with TypeScript.
      const code = source.startsWith('---') ? source.split('---')[1]! : source;
      const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest);
      const decl = file.statements.find(
        (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === iface,
      );
      return (decl?.members ?? []).flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
    };
    for (const name of MDX_COMPONENT_NAMES) {
      const source = readFileSync(join(projectRoot, 'src', 'components', 'mdx', `${name}.astro`), 'utf8');
      const declared =
        name === 'Chart'
          ? propsOf(readFileSync(join(projectRoot, 'src', 'lib', 'charts', 'spec.ts'), 'utf8'), 'ChartSpec')
          : propsOf(source, 'Props');
      expect([...MDX_COMPONENT_PROPS[name]].sort(), name).toEqual(declared.sort());
    }
  });
});

describe('tags that look like components', () => {
  it('reports a lower-case component name', () => {
    expect(findings('component-case', 'Capex was <fig id="bytedance.capex.2026" />.')).toEqual([
      [
        15,
        '<fig> is not a component (names are case-sensitive), so it would render nothing.',
        expect.stringMatching(/^Write <Fig> with a capital letter/),
      ],
    ]);
  });

  it.each([
    ['<statcard id="x" />', 'StatCard'],
    ['<stat-card id="x" />', 'StatCard'],
    ['<chart type="bar" />', 'Chart'],
    ['<pullquote>x</pullquote>', 'PullQuote'],
    ['<calout>x</calout>', 'Callout'],
    ['<statcrd id="x" />', 'StatCard'],
    ['<pulquote>x</pulquote>', 'PullQuote'],
  ])('%s → %s', (body, component) => {
    expect(findings('component-case', body)[0]?.[2]).toContain(`Write <${component}>`);
  });

  it('reports lower-case tags that are no HTML element, and leaves HTML alone', () => {
    expect(
      findings('unknown-tag', 'A <widget /> and <sup>1</sup> and <abbr title="x">X</abbr>.').map((d) => d[1]),
    ).toEqual(["<widget> is neither an HTML element nor one of the column's components."]);
    expect(findings('component-case', '<figure>x</figure>')).toEqual([]);
    expect(findings('unknown-tag', '<script>alert(1)</script>').map((d) => d[1])).toEqual([
      expect.stringMatching(/^<script> is an HTML element articles cannot use/),
    ]);
  });
});

describe('components that must stand on their own line', () => {
  it('reports a figure on the same line as a stat card', () => {
    expect(
      findings('own-line', 'Intro.\n\n<StatCard id="bytedance.capex.2026" /> <Fig id="bytedance.capex.2026" />'),
    ).toEqual([
      [
        17,
        '<StatCard> shares its line with other text, so it would sit inside a paragraph.',
        expect.stringContaining('on a line of its own'),
      ],
    ]);
  });

  it('reports a stat card and a figure with other words on one line', () => {
    expect(
      findings('own-line', '<StatCard id="bytedance.capex.2026" /> — <Fig id="bytedance.capex.2026" />').map(
        (d) => d[0],
      ),
    ).toEqual([15]);
  });

  it('reports a block component inside a sentence', () => {
    expect(
      findings(
        'own-line',
        'The plan: <Chart type="bar" title="T" labels={["a"]} datasets={[{ label: "x", values: [1] }]} /> as shown.',
      ).map((d) => d[0]),
    ).toEqual([15]);
  });

  it('accepts a component alone on its line, text inside it included, and Fig inside a sentence', () => {
    expect(
      findings(
        'own-line',
        '<Callout type="note">A note.</Callout>\n\n<StatCard id="bytedance.capex.2026" />\n\nCapex <Fig id="bytedance.capex.2026" /> in 2026.',
      ),
    ).toEqual([]);
  });
});
