/**
 * The Nu Html Checker over the run's HTML, in one JVM (a start costs about as much as checking a whole site):
 * the main test site, mail editions included; the site published under /repo/; the production test site's
 * kitchen-sink article, which renders every component; and the deliberately broken site
 * (tests/gates/broken-site.ts), where it must find the errors planted there and nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findInvalidHtmlIn } from './gates.ts';
import { makeBrokenSite } from './broken-site.ts';
import { htmlFiles } from '../helpers/dist-files.ts';
import { testDist } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';

type Checked = 'main' | 'repo' | 'kitchenSink' | 'broken';
/** Each folder checked, or why it could not be (a test site whose build failed fails only its own test). */
const folders: Record<Checked, () => string> = {
  main: () => testDist,
  repo: () => testSite('repo').dist,
  kitchenSink: () => join(testSite('production').dist, 'articles/kitchen-sink'),
  broken: makeBrokenSite,
};
const found = new Map<Checked, { dir: string; problems: string[] } | { error: unknown }>();

beforeAll(() => {
  const dirs: Array<[Checked, string]> = [];
  for (const [name, folder] of Object.entries(folders) as Array<[Checked, () => string]>) {
    try {
      dirs.push([name, folder()]);
    } catch (error) {
      found.set(name, { error });
    }
  }
  const problems = findInvalidHtmlIn(dirs.map(([, dir]) => dir));
  dirs.forEach(([name, dir], i) => found.set(name, { dir, problems: problems[i]! }));
});

/** What the checker found in a folder, with the folder (or the error that kept it from being checked). */
function checked(name: Checked): { dir: string; problems: string[] } {
  const result = found.get(name)!;
  if ('error' in result) throw result.error;
  expect(htmlFiles(result.dir).length, `HTML files in ${result.dir}`).toBeGreaterThan(0);
  return result;
}

describe('the Nu Html Checker', () => {
  it('passes every HTML file of the main test site, mail editions included', () => {
    expect(checked('main').problems).toEqual([]);
  });

  it('passes every page of the site published under /repo/', () => {
    // Mail editions are HTML for mail clients, checked with their conventions in the main site; pages are checked here.
    expect(checked('repo').problems.filter((m) => !m.startsWith('newsletter/'))).toEqual([]);
  });

  it('passes the kitchen-sink article, every component on one page, as the production test site publishes it', () => {
    expect(checked('kitchenSink').problems).toEqual([]);
  });

  it('finds, on the broken site, the image without alt, the div inside a span and the misnested end tag', () => {
    const { problems } = checked('broken');
    const text = problems.join('\n');
    expect(text).toMatch(/^index\.html:\d+:\d+: An “img” element must have an “alt” attribute/m);
    expect(text).toMatch(/^index\.html:\d+:\d+: Element “div” not allowed as child of element “span”/m);
    expect(text).toMatch(/^index\.html:\d+:\d+: End tag “b” violates nesting rules/m);
    // Nothing else: the other fixture pages (and the generated article) are valid.
    expect(problems.filter((p) => !p.startsWith('index.html:'))).toEqual([]);
  });
});
