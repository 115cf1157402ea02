/**
 * Synthetic articles for the benchmark: about 1,200 words each, with two
 * charts, one outcome table and ten figure references drawn from the real
 * registry. Seeded, so every run builds the same site.
 */
import type { Registry } from '../../src/lib/figures/types.ts';

const WORDS =
  'compute capacity cloud tokens revenue margin price model inference training chips data centre supplier contract developer enterprise market share growth demand capital spending quarter forecast strategy platform utility customer workload cluster export controls domestic import volume pricing subsidy investor analyst budget'.split(
    ' ',
  );

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand: () => number): string {
  const n = 10 + Math.floor(rand() * 12);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  return `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`;
}

export interface SyntheticOptions {
  /** Bare: no components (numbers typed, charts as text), for the baseline site. */
  bare?: boolean;
  /** How many articles the archive has: their dates are spread over FIRST_DAY…LAST_DAY, so every one is published by the bench's build date. */
  count?: number;
}

/** The synthetic archive's first and last publication days (the bench builds as of 2026-11-24). */
const FIRST_DAY = Date.UTC(2020, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;

/** Article i of `count`: one every two days while they fit, then several a day. */
export function syntheticDate(i: number, count: number): string {
  const span = (LAST_DAY - FIRST_DAY) / DAY;
  const step = Math.min(2, span / Math.max(count, 1));
  return new Date(FIRST_DAY + Math.floor(i * step) * DAY).toISOString().slice(0, 10);
}

/** One article's file name and text. */
export function syntheticArticle(
  i: number,
  registry: Registry,
  opts: SyntheticOptions = {},
): { name: string; text: string } {
  const rand = prng(1000 + i);
  const figures = Object.values(registry.figures);
  const byUnit = new Map<string, string[]>();
  // A chart's figures share unit, rate and period (the chart rules refuse a mix).
  for (const f of figures) {
    const key = `${f.unit}|${f.per ?? ''}|${f.period ?? ''}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), f.id]);
  }
  const groups = [...byUnit.values()].filter((g) => g.length >= 2);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const iso = syntheticDate(i, opts.count ?? 1);
  const fig = () => {
    const f = pick(figures);
    return opts.bare ? f.text.long : `<Fig id="${f.id}" />`;
  };
  const chart = (n: number) => {
    const group = pick(groups);
    const ids = group.slice(0, 2 + Math.floor(rand() * Math.min(2, group.length - 1)));
    if (opts.bare) return `Chart ${n}: ${ids.map((id) => registry.figures[id]!.text.short).join(', ')}.`;
    return `<Chart type="bar" title="Synthetic chart ${i}.${n}" figures={[${ids.map((id) => JSON.stringify(id)).join(', ')}]} />`;
  };
  const paragraphs: string[] = [];
  let figs = 0;
  for (let p = 0; p < 22; p++) {
    const sentences = Array.from({ length: 4 }, () => sentence(rand));
    if (figs < 10 && p % 2 === 0) {
      sentences.splice(1, 0, `The number to watch is ${fig()}.`);
      figs++;
    }
    paragraphs.push(sentences.join(' '));
    if (p === 6) paragraphs.push(chart(1));
    if (p === 14) paragraphs.push(chart(2));
    if (p % 6 === 3) paragraphs.push(`## ${sentence(rand).slice(0, 40)}`);
  }
  const table = `| Outcome | Conditions | Result |\n|---|---|---|\n| ✅ Best case | ${sentence(rand)} | ${sentence(rand)} |\n| ⚠️ Middle case | ${sentence(rand)} | ${sentence(rand)} |\n| ❌ Worst case | ${sentence(rand)} | ${sentence(rand)} |`;
  const front = [
    '---',
    `title: "Synthetic issue ${i}: ${sentence(rand).slice(0, 50).replace(/"/g, '')}"`,
    `dek: "${sentence(rand)}"`,
    `published: ${iso}`,
    'authors: ["Bench"]',
    // Two tags, once each (the same word twice would show as two chips, which the content check refuses).
    `tags: [${[...new Set([pick(WORDS), pick(WORDS)])].map((t) => `"${t}"`).join(', ')}]`,
    `issue: ${1000 + i}`,
    'sources:',
    '  - name: "Synthetic source"',
    '    url: "https://example.org/source"',
    `    date: ${iso}`,
    `summary: "${sentence(rand)}"`,
    '---',
  ].join('\n');
  return {
    name: `${iso}-synthetic-${i}.mdx`,
    text: `${front}\n\n${paragraphs.join('\n\n')}\n\n## How it ends\n\n${table}\n`,
  };
}
