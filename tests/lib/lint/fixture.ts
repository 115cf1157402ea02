import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintProject } from '../../../src/lib/lint/lint.ts';

/** Frontmatter for a fixture article: 13 lines, so a body starting with a blank line has its first text on line 15. */
export const FRONT = (issue: number, extra = '') => `---
title: "Fixture ${issue}"
dek: "Dek"
published: 2026-01-0${(issue % 9) + 1}
authors: ["A"]
tags: ["fixture"]
issue: ${issue}
sources:
  - name: "S"
    url: "https://example.org/"
    date: 2026-01-01
summary: "One sentence."${extra}
---
`;

/** A throw-away project holding the given files (path under the root → text). */
export function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aif-lint-'));
  mkdirSync(join(root, 'content', 'articles'), { recursive: true });
  mkdirSync(join(root, 'public', 'images'), { recursive: true });
  writeFileSync(join(root, 'public', 'images', 'fab.jpg'), 'jpg');
  for (const [name, text] of Object.entries(files)) {
    const path = name.includes('/') ? join(root, name) : join(root, 'content', 'articles', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

export const now = new Date('2026-06-01T00:00:00Z');

/** Lint one article body (after the standard frontmatter) and return the findings of one rule as [line, message, fix]. */
export function findings(
  rule: string,
  body: string,
  front = FRONT(1),
): Array<[number | undefined, string, string | undefined]> {
  const { diagnostics } = lintProject(project({ '2026-01-02-a.mdx': `${front}\n${body}\n` }), { now, pageSize: 10 });
  return diagnostics.filter((d) => d.rule === rule).map((d) => [d.line, d.message, d.fix]);
}
