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
const STOP_WORDS = new Set(
  'a an and are as at be but by for from how in into is it its of on or so than that the their this to vs was what when where which who why will with'.split(
    ' ',
  ),
);

/**
 * Headline words that go first when a slug must be shortened: verbs and adverbs ("means", "raises",
 * "at least"), then adjectives ("cheap", "small"). Names, numbers and other nouns stay longest.
 */
const VERBS = new Set(
  'means mean say says said could would should can may might must does do did has have had be been being get gets got make makes made take takes becomes become hit hits raises raise cuts cut jumps jump surges surge signs sign spends spend rattles rattle bets bet wins win loses lose buys buy sells sell launches launch plans unveils unveil slashes slash doubles triples beats tops falls fall rises rise soars soar drops warns warn seeks seek builds build pushes faces hires bans blocks approves rejects backs joins leaves goes grows shrinks adds gains tests trials orders invests leads lags eyes targets expands matter matters keep keeps need needs want wants show shows tells tell'.split(
    ' ',
  ),
);
const MINOR = new Set(
  'about amid after before over under much least most more very just also even still now here there again only some own its yet'.split(' '),
);
const ADJECTIVES = new Set(
  'cheap small big large new old high low first last top major global local domestic foreign open private public early late huge massive key main next full half real better best worse worst fast slow long short rich poor'.split(
    ' ',
  ),
);
/** Scale words belong with their number: "5 trillion". */
const SCALE_WORDS = new Set(['thousand', 'million', 'billion', 'trillion', 'bn', 'tn']);

/**
 * A title word's claim to a place in a shortened slug: names and numbers 4, other nouns 3, adjectives
 * 2, verbs and adverbs 1. A name is a word in mixed case or capitals ("ByteDance", "AI"), or, in a
 * title written in sentence case, any capitalised word after the first ("Alibaba"); in Title Case
 * every word is capitalised, so only the lists and word endings tell.
 */
function weight(word: string, index: number, titleCase: boolean): number {
  const lower = word.toLowerCase();
  if (/\d/.test(word) || SCALE_WORDS.has(lower)) return 4;
  if (VERBS.has(lower) || MINOR.has(lower) || (lower.length > 4 && /ly$/.test(lower))) return 1;
  if (ADJECTIVES.has(lower) || (lower.length > 5 && /(?:ous|ive|ful|less|able|ible)$/.test(lower))) return 2;
  if (/\p{Lu}.*\p{Lu}/u.test(word) || (!titleCase && index > 0 && /^\p{Lu}/u.test(word))) return 4;
  return 3;
}

/**
 * A short slug from a title: stop words dropped; when more than `maxWords` words or `maxChars`
 * characters are left, the words that say least go first (verbs and adverbs, then adjectives), so
 * the names, numbers and nouns stay, in the title's order. "The Price of a Token: What Cheap Inference
 * Means for Small Firms" → price-token-cheap-inference-small-firms.
 */
export function shortSlug(title: string, maxWords = 6, maxChars = 60): string {
  const words = (title.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [])
    .map((word, index) => ({ word, index, slug: slugify(word.replace(/['’]s$/, '')) }))
    .filter((w) => w.slug !== '');
  const content = words.filter((w) => !STOP_WORDS.has(w.slug));
  let kept = content.length > 0 ? content : words;
  const rest = content.slice(1).filter((w) => /^\p{L}/u.test(w.word));
  const titleCase = rest.length > 1 && rest.filter((w) => /^\p{Lu}/u.test(w.word)).length >= 0.6 * rest.length;
  const weigh = (w: (typeof kept)[number]) => weight(w.word, w.index, titleCase);
  const length = (list: typeof kept) => list.map((w) => w.slug).join('-').length;
  // Drop the lightest word, the last of equals first, until the slug fits.
  while (kept.length > 1 && (kept.length > maxWords || length(kept) > maxChars)) {
    let drop = kept.length - 1;
    for (let i = kept.length - 1; i >= 0; i--) if (weigh(kept[i]!) < weigh(kept[drop]!)) drop = i;
    kept = kept.filter((_, i) => i !== drop);
  }
  return kept.map((w) => w.slug).join('-');
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
