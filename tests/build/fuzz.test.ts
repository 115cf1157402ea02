import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { copyProject, runScript } from '../helpers/project.ts';
import { prng } from '../../scripts/lib/synthetic.ts';
import { mutate } from '../helpers/mutate.ts';

/**
 * Mutate articles and figures files at random and build: every build must
 * either succeed with well-formed feeds or fail with a message naming a file,
 * never with a bare stack trace. FUZZ_RUNS sets the count (small in CI).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const JUNK = [
  '<',
  '>',
  '{',
  '}',
  '|',
  '"',
  ':',
  '---',
  '<Fig id="nope.nope" />',
  '<Chart type="bar" />',
  '\u0000',
  '🦊',
  '豆包',
  ']]>',
  '&amp;',
  '  - id: x.y',
  'value: abc',
];

describe('fuzzed content', () => {
  it.each(Array.from({ length: RUNS }, (_, i) => i))('run %i: builds cleanly or fails with a clear error', (run) => {
    const rand = prng(7919 * (run + 1));
    const dir = copyProject();
    const files = [
      ...readdirSync(join(dir, 'content/articles')).map((f) => join(dir, 'content/articles', f)),
      ...readdirSync(join(dir, 'content/figures'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(dir, 'content/figures', f)),
    ];
    const changed: string[] = [];
    // One to three mutations: some runs still build, others must fail well.
    for (let m = 0; m <= run % 3; m++) {
      const file = files[Math.floor(rand() * files.length)]!;
      writeFileSync(file, mutate(readFileSync(file, 'utf8'), rand, JUNK));
      changed.push(file.slice(dir.length + 1));
    }
    const result = runScript('scripts/build.ts', ['--offline'], {
      cwd: dir,
      env: { BUILD_DATE: '2026-11-24T00:00:00Z' },
    });
    const output = result.stdout + result.stderr;
    expect(output, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    if (result.status === 0) {
      for (const feed of ['rss.xml', 'atom.xml'])
        expect(XMLValidator.validate(readFileSync(join(dir, 'dist', feed), 'utf8')), feed).toBe(true);
      expect(() => JSON.parse(readFileSync(join(dir, 'dist', 'feed.json'), 'utf8'))).not.toThrow();
    } else {
      expect(output, `a message naming a file (changed: ${changed.join(', ')})`).toMatch(
        /content\/(articles|figures)\/[^\s:]+\.(mdx|yaml):\d+/,
      );
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    }
  });
});
