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

/** Words that carry no meaning in a URL. */
const STOP_WORDS = new Set('a an and are as at be but by for from how in into is it its of on or so than that the their this to vs was what when where which who why will with'.split(' '));

/**
 * A short slug from a title: stop words dropped, at most `maxWords` words
 * ("Why ByteDance is betting ¥200 billion on AI in 2026" → bytedance-betting-200-billion-ai-2026).
 */
export function shortSlug(title: string, maxWords = 6): string {
  const words = slugify(title).split('-').filter(Boolean);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return (kept.length > 0 ? kept : words).slice(0, maxWords).join('-');
}

export function scaffoldFileName(slug: string, date: Date): string {
  return `${date.toISOString().slice(0, 10)}-${slug || 'untitled'}.mdx`;
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

/**
 * The next issue number: one after the highest published issue, skipping
 * numbers any article already holds (drafts keep theirs; a showcase draft
 * numbered 99 does not push the next issue to 100).
 */
export function nextIssueNumber(articles: ReadonlyArray<{ issue: number; draft: boolean }>): number {
  const published = articles.filter((a) => !a.draft).map((a) => a.issue);
  const taken = new Set(articles.map((a) => a.issue));
  let next = published.length === 0 ? 1 : Math.max(...published) + 1;
  while (taken.has(next)) next++;
  return next;
}
