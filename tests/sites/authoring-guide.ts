/**
 * docs/authoring.md's examples as one article (tests/build/authoring-docs.test.ts): the frontmatter example
 * (published, not a draft) and every mdx and md block, with the hero image it names where the guide says
 * images go.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/project.ts';

const guide = readFileSync(join(projectRoot, 'docs', 'authoring.md'), 'utf8');
/** The guide's fenced blocks, in order. */
export const blocks = [...guide.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
/** Where the guide's article goes (its frontmatter is dated 2026-11-24). */
export const GUIDE_FILE = 'content/articles/2026-11-24-chip-export-rules-explained.mdx';

/** The guide's examples as one article. In the figures example, text after "→" shows what the reader sees; it is not part of the source. */
export function articleFromGuide(): string {
  const front = blocks
    .find((b) => b.lang === 'yaml' && b.text.startsWith('---'))!
    .text.replace('draft: true', 'draft: false');
  const body = blocks
    .filter((b) => b.lang === 'mdx' || b.lang === 'md')
    .map((b) => b.text.replace(/\s+→ .*$/gm, ''))
    .join('\n');
  return `${front}\n${body}`;
}

/** The article and its hero image in a copy of the project. */
export function writeGuideArticle(dir: string): void {
  writeFileSync(join(dir, GUIDE_FILE), articleFromGuide());
  mkdirSync(join(dir, 'public', 'images'), { recursive: true });
  writeFileSync(join(dir, 'public', 'images', 'fab.jpg'), readFileSync(join(projectRoot, 'public', 'favicon.svg')));
}
