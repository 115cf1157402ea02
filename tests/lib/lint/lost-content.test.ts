/**
 * Each construct here is first shown to lose text in the renderer Astro uses (renderedText runs the
 * body through it), then shown reported by the check with its line, what is lost and the fix.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findings } from './fixture.ts';
import { renderError, renderedText } from '../../helpers/astro-markdown.ts';
import { MDX_COMPONENT_NAMES, MDX_COMPONENTS_WITH_CHILDREN } from '../../../src/lib/content/component-names.ts';
import { projectRoot } from '../../helpers/project.ts';

const lost = (body: string) => findings('lost-content', body);

describe('no sentence lost', () => {
  it('a table row with more cells than the header', () => {
    const body = '| Cloud | Risk |\n|---|---|\n| Volcano Engine | Low margins | Watch the egress fees |';
    expect(renderedText(body)).not.toContain('Watch the egress fees');
    expect(lost(body)).toEqual([
      [
        17,
        'This row has 3 cells but the header has 2, so "Watch the egress fees" would be dropped.',
        expect.stringContaining('Add a column to the header row'),
      ],
    ]);
    // Fewer cells than the header are padded, not lost.
    const short = '| Cloud | Risk |\n|---|---|\n| Volcano Engine |';
    expect(renderedText(short)).toContain('Volcano Engine');
    expect(lost(short)).toEqual([]);
  });

  it('a footnote label defined twice (labels match in any case)', () => {
    const body =
      'Capex rose.[^1] Profit too.[^a]\n\n[^1]: The first note.\n\n[^1]: The second note.\n\n[^a]: Lower.\n\n[^A]: Upper.';
    expect(renderedText(body)).not.toContain('The second note.');
    expect(renderedText(body)).not.toContain('Upper.');
    expect(lost(body)).toEqual([
      [
        19,
        'Footnote [^1] is defined twice (first on line 17), so this note\'s text ("The second note.") would be dropped.',
        'Give this note its own label, e.g. [^1-2], and put [^1-2] in the text where it belongs; or merge the two notes.',
      ],
      [23, expect.stringContaining('Footnote [^A] is defined twice (first on line 21)'), expect.any(String)],
    ]);
  });

  it('a link label defined twice: the second address is never used', () => {
    const body = 'See [the filing][f].\n\n[f]: https://example.org/one\n[f]: https://example.org/two';
    expect(renderedText(body)).not.toContain('https://example.org/two');
    expect(lost(body)).toEqual([
      [
        18,
        'Link label [f] is defined twice (first on line 17): links use the first address, so https://example.org/two is never used.',
        expect.stringContaining('[f-2]: https://example.org/two'),
      ],
    ]);
  });

  it('a reference link or image with no definition is printed as typed', () => {
    const body = 'See [the filing][filling] and ![the fab][fab-photo].\n\n[filing]: https://example.org/f';
    expect(renderedText(body)).toContain('[the filing][filling]');
    expect(lost(body).map(([line, message]) => [line, message])).toEqual([
      [15, 'Link [the filing][filling] has no [filling]: … line, so it would be printed as typed, brackets and all.'],
      [
        15,
        'Image ![the fab][fab-photo] has no [fab-photo]: … line, so it would be printed as typed, brackets and all.',
      ],
    ]);
  });

  it('braces in prose are run as code', () => {
    expect(renderedText('Costs {1,500} a day.')).toBe('Costs  500  a day.');
    expect(renderError('The pair {a, b}.')).toBe('a is not defined');
    expect(lost('Costs {1,500} a day.\n\nThe pair {a, b}.')).toEqual([
      [
        15,
        '{1,500} is run as code when the page is built, not shown as text (it would print "500").',
        expect.stringContaining('\\{'),
      ],
      [17, '{a, b} is run as code when the page is built, not shown as text.', expect.any(String)],
    ]);
    // A comment is meant to stay out of the page.
    expect(renderedText('Text {/* a note to self */}.')).toBe('Text  .');
    expect(lost('Text {/* a note to self */}.')).toEqual([]);
  });

  it('text inside a component that shows only its data', () => {
    const body = '<Fig id="bytedance.capex.2026">about ¥200 bn</Fig>';
    expect(lost(body)).toEqual([
      [
        15,
        '<Fig> shows only its figure, so what is written inside it ("about ¥200 bn") would be dropped.',
        'Close it on its own, <Fig … />, and put the text before or after it.',
      ],
    ]);
    expect(
      lost(
        '<Callout type="key">Kept.</Callout>\n\n<PullQuote cite="A">Kept.</PullQuote>\n\n<InOneSentence>Kept.</InOneSentence>\n\n<Fig id="bytedance.capex.2026" />',
      ),
    ).toEqual([]);
  });

  it("knows which components show their children from the components' own files", () => {
    for (const name of MDX_COMPONENT_NAMES) {
      const source = readFileSync(join(projectRoot, 'src', 'components', 'mdx', `${name}.astro`), 'utf8');
      expect(source.includes('<slot'), name).toBe(MDX_COMPONENTS_WITH_CHILDREN.includes(name));
    }
  });

  it('constructs the renderer refuses outright are reported as syntax errors, at their line', () => {
    for (const body of ['Before <!-- a comment --> after.', '<Callout>\nNote\n</Callout> trailing words']) {
      expect(renderError(body)).toBeDefined();
      const [d] = findings('mdx-syntax', body);
      expect(d?.[0]).toBeGreaterThanOrEqual(15);
      expect(d?.[1]).toMatch(/^MDX syntax error: /);
    }
    expect(findings('mdx-syntax', 'Before <!-- a comment --> after.')[0]![1]).toContain('{/* text */}');
  });

  it('text after a component on its line is kept, and reported as sitting in a paragraph', () => {
    const body = '<Callout>Note</Callout> trailing words';
    expect(renderedText(body)).toContain('trailing words');
    expect(findings('own-line', body)).toHaveLength(1);
  });
});
