import { slugify } from '../slug.ts';

/**
 * A new article: complete frontmatter (next issue number, today's date,
 * draft) and a skeleton that shows the column's components in use.
 */
export interface ScaffoldInput {
  title: string;
  today: Date;
  nextIssue: number;
  author?: string;
}

export function scaffoldFileName(title: string, today: Date): string {
  const slug = slugify(title) || 'untitled';
  return `${today.toISOString().slice(0, 10)}-${slug}.mdx`;
}

export function scaffoldArticle({ title, today, nextIssue, author = 'AI Frontier desk' }: ScaffoldInput): string {
  const date = today.toISOString().slice(0, 10);
  const q = (s: string) => JSON.stringify(s);
  return `---
title: ${q(title)}
dek: "One line under the headline: what the reader learns."
published: ${date}
authors: [${q(author)}]
tags: []
issue: ${nextIssue}
sources:
  - name: "Publisher, title of the piece you draw on"
    url: "https://example.com/replace-me"
    date: ${date}
summary: "The whole article in one sentence."
draft: true
---

Open with the number that matters, from the registry: <Fig id="bytedance.capex.2026" />.

## The numbers

<Callout type="key">
One point the reader should not miss.
</Callout>

## How it could end

| Outcome | Conditions | Result |
|---|---|---|
| ✅ Best case | What has to go right | What follows |
| ⚠️ Middle case | What is uncertain | What follows |
| ❌ Worst case | What goes wrong | What follows |
`;
}

/** The next free issue number after those in use. */
export function nextIssueNumber(used: readonly number[]): number {
  return used.length === 0 ? 1 : Math.max(...used) + 1;
}
