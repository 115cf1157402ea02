/**
 * Input no author means, in every file an author edits, ends the build with a message naming the file,
 * the line and the fix, never a stack trace or a tool's bare error: a byte-order mark, bytes that are
 * not UTF-8 (Astro stopped with [UNLOADABLE_DEPENDENCY] and no reason), control characters typed or
 * escaped, a 10,000-character tag (the build died with ENAMETOOLONG), and "billion laughs" YAML in an
 * article's frontmatter, the figures registry and the authors file (an uncaught ReferenceError).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';

/** Nine anchors, each nine aliases of the one before, under `indent`. */
function laughs(indent = ''): string {
  const names = 'abcdefghi';
  const lines = [`${indent}l0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 9; i++)
    lines.push(
      `${indent}l${i}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

function article(issue: number, opts: { title?: string; tags?: string; extra?: string; body?: string } = {}): string {
  return `---\ntitle: ${opts.title ?? '"A title"'}\ndek: "A dek"\npublished: 2026-02-01\nauthors: ["AI Frontier desk"]\ntags: ${opts.tags ?? '["capex"]'}\nissue: ${issue}\nsources:\n  - name: "A source"\n    url: "https://example.org/a"\n    date: 2026-01-30\nsummary: "One sentence."\n${opts.extra ?? ''}---\n\n${opts.body ?? 'Body.\n'}`;
}

let dir: string;
let output: string;
let status: number | null;
/** A second copy whose only fault is the registry's, which stops the build at its first step. */
let registryDir: string;
let registryOutput: string;
const build = (cwd: string) =>
  runScript('scripts/build.ts', ['--offline'], { cwd, env: { BUILD_DATE: '2026-11-24T00:00:00Z' } });

beforeAll(() => {
  registryDir = copyProject();
  writeFileSync(join(registryDir, 'content', 'figures', 'laughs.yaml'), `figures: []\n${laughs()}`);
  const first = build(registryDir);
  expect(first.status).toBe(1);
  registryOutput = first.stdout + first.stderr;

  dir = copyProject();
  const articles = join(dir, 'content', 'articles');
  writeFileSync(join(articles, '2026-02-01-bom.mdx'), `\uFEFF${article(91)}`);
  writeFileSync(
    join(articles, '2026-02-02-latin1.mdx'),
    Buffer.concat([Buffer.from(article(92, { body: 'Caf' })), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]),
  );
  writeFileSync(join(articles, '2026-02-03-nul.mdx'), article(93, { body: 'A NUL\u0000 in the body.\n' }));
  writeFileSync(join(articles, '2026-02-04-esc.mdx'), article(94, { title: '"Red \\e[31m title"' }));
  writeFileSync(join(articles, '2026-02-05-long-tag.mdx'), article(95, { tags: `["${'t'.repeat(10_000)}"]` }));
  writeFileSync(join(articles, '2026-02-06-laughs.mdx'), article(96, { extra: laughs() }));
  appendFileSync(join(dir, 'content', 'authors.yaml'), `Laughing Author:\n  bio: Funny.\n${laughs('  ')}`);
  const r = build(dir);
  output = r.stdout + r.stderr;
  status = r.status;
});

describe('bad input', () => {
  it('stops the build with the content check, leaving no dist/, and no stack trace or bare tool error', () => {
    expect(status, output).toBe(1);
    expect(output).toContain('✗ content check failed');
    expect(registryOutput).toContain('✗ figures failed');
    for (const [d, out] of [
      [dir, output],
      [registryDir, registryOutput],
    ] as const) {
      expect(existsSync(join(d, 'dist'))).toBe(false);
      expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(out).not.toMatch(/UNLOADABLE_DEPENDENCY|ENAMETOOLONG|ReferenceError|Excessive alias count/);
    }
  });

  const expected: Array<[string, RegExp]> = [
    [
      'a byte-order mark',
      /content\/articles\/2026-02-01-bom\.mdx:1: The file starts with an invisible byte-order mark[^\n]*\n\s+Fix: Save it as UTF-8 without a byte-order mark/,
    ],
    [
      'bytes that are not UTF-8',
      /content\/articles\/2026-02-02-latin1\.mdx:15:4: The file is not valid UTF-8 here[^\n]*\n\s+Fix: Save the file as UTF-8/,
    ],
    [
      'a NUL in the body',
      /content\/articles\/2026-02-03-nul\.mdx:15:6: The file contains an invisible NUL \(U\+0000\)[^\n]*\n\s+Fix: Delete it/,
    ],
    [
      'an escaped ESC in the title',
      /content\/articles\/2026-02-04-esc\.mdx:2: This value holds an invisible ESC \(U\+001B\)[^\n]*\n\s+Fix: Remove the escape/,
    ],
    [
      'a 10,000-character tag',
      /content\/articles\/2026-02-05-long-tag\.mdx:6: tags\.0: A tag is a short label: at most 60 characters\.\n\s+Fix: Write it like/,
    ],
    [
      'billion laughs in frontmatter',
      /content\/articles\/2026-02-06-laughs\.mdx:14: Its aliases \(\*name\) repeat anchors[^\n]*\n\s+Fix: Write the values out/,
    ],
    [
      'billion laughs in the figures registry',
      /content\/figures\/laughs\.yaml:3: Its aliases \(\*name\) repeat anchors[^\n]*\n\s+Fix: Write the values out/,
    ],
    [
      'billion laughs in authors.yaml',
      /content\/authors\.yaml:\d+: Its aliases \(\*name\) repeat anchors[^\n]*\n\s+Fix: Write the values out/,
    ],
  ];
  for (const [what, message] of expected) {
    it(`names the file, the line and the fix for ${what}`, () => {
      expect(what.includes('registry') ? registryOutput : output).toMatch(message);
    });
  }

  it('npm run figures says the same of the registry file, and writes nothing', () => {
    const before = readFileSync(join(registryDir, 'src', 'generated', 'figures.json'), 'utf8');
    const r = runScript('scripts/pull-figures.ts', ['--offline'], { cwd: registryDir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/figures\/laughs\.yaml:3: Its aliases \(\*name\) repeat anchors/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(readFileSync(join(registryDir, 'src', 'generated', 'figures.json'), 'utf8')).toBe(before);
  });
});
