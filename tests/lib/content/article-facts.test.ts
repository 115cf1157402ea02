import { describe, expect, it } from 'vitest';
import { articleFacts, citedIds, wordCount } from '../../../src/lib/content/article-facts.ts';

const body = [
  'Intro with <Fig id="acme.capex" /> and <StatCard id=\'acme.share\' />.',
  '',
  '## Where the money goes',
  '',
  '<Chart type="bar" title="Spend" figures={["acme.capex", "acme.opex"]} />',
  '<Chart type="line" title="Trend" series="acme.tokens" />',
  '',
  '```mdx',
  '## Not a heading <Fig id="in.code" />',
  '```',
  '',
  '### Outcomes ###',
  '',
  '| Outcome | Result |',
  '|---|---|',
  '| ✅ Win (track: acme.win, due 2027-01-01) | a |',
  '| ⚠️ Draw | b |',
].join('\n');

describe('article facts', () => {
  it('reads cited figures and series in order of first use, once each (not in code, which the page shows as text)', () => {
    expect(citedIds(body)).toEqual({ figures: ['acme.capex', 'acme.share', 'acme.opex'], series: ['acme.tokens'] });
    expect(citedIds('<Chart title="x" figures={[\'a.b\']} series={"s.t"} />')).toEqual({ figures: ['a.b'], series: ['s.t'] });
    expect(citedIds('No components, <Other id="x.y" />.')).toEqual({ figures: [], series: [] });
  });

  it('reads headings outside code fences, with their lines in the file', () => {
    const facts = articleFacts(body, { file: 'a.mdx', slug: 'a', bodyLine: 10 });
    expect(facts.headings).toEqual([
      { depth: 2, text: 'Where the money goes', line: 12 },
      { depth: 3, text: 'Outcomes', line: 21 },
    ]);
  });

  it('reads the headings the page has: inside components and underlined ones too, as Astro parses them', () => {
    const facts = articleFacts('Intro.\n\nCosts\n---\n\n<Callout>\n## Inside a callout\n</Callout>\n\n`## not a heading`\n', {
      file: 'a.mdx',
      slug: 'a',
      bodyLine: 20,
    });
    expect(facts.headings).toEqual([
      { depth: 2, text: 'Costs', line: 22 },
      { depth: 2, text: 'Inside a callout', line: 26 },
    ]);
  });

  it('has no figures or headings for a body that does not parse, but still its words', () => {
    expect(articleFacts('Broken <Fig id="a.b" \n\n## Heading', { file: 'a.mdx', slug: 'a' })).toMatchObject({
      figures: [],
      headings: [],
      words: 4,
    });
  });

  it('reads tracked outcome rows with file:line', () => {
    const facts = articleFacts(body, { file: 'a.mdx', slug: 'a', bodyLine: 10 });
    expect(facts.tracked.map((t) => [t.id, t.due, t.status, t.scenario, t.file, t.line, t.slug])).toEqual([['acme.win', '2027-01-01', 'good', 'Win', 'a.mdx', 25, 'a']]);
  });

  it('counts words outside tags, expressions and imports', () => {
    expect(wordCount('import X from "y";\n\nOne two <Fig id="a.b" /> three {1 + 2} four — five.')).toBe(5);
    expect(wordCount('豆包 and 火山引擎')).toBe(3);
    expect(articleFacts('a b c', { file: 'f', slug: 's' }).words).toBe(3);
  });
});
