/**
 * Numbers typed in prose, checked against the registry:
 * - one that equals a registered figure should be `<Fig id="…"/>`, so a revision reaches it (warning);
 * - one in the same sentence as a `<Fig>` of the same unit and period that differs from it beyond
 *   rounding contradicts it (error naming both), unless it is another figure's value, a range or a
 *   comparison ("up from ¥150 bn");
 * - one of a figure's unit in a sentence that names what the figure measures (words of its label),
 *   elsewhere in an article that shows that figure, and differs from it: a warning.
 * Words for numbers ("two thirds"), years and other bare numbers are never read.
 */
import type { Node, Nodes, Parent, Text } from 'mdast';
import type { Diagnostic } from './diagnostic.ts';
import type { FigureIndex, LintArticle, LintContext } from './context.ts';
import { nodesOf } from './tree-index.ts';
import { figureUses, fieldLine } from './rules.ts';
import { isJsx, jsxStrings } from './jsx-props.ts';

type Period = 'day' | 'month' | 'quarter' | 'year';

/** A number an author typed, read with its unit: "¥200 billion" → CNY 2e11. */
export interface TypedNumber {
  text: string;
  unit: string;
  base: number;
  index: number;
  /** How far from the true value the number may be and still be that value rounded, in base units. */
  rounding: number;
  /** "about", "roughly", "nearly"…: a number that may be a twentieth off. */
  hedged: boolean;
  /** "a day", "a year", … when the words after it say. */
  period?: Period;
  /** One end of a range ("¥150–200 bn", "between … and …"). */
  range: boolean;
  /** Compared with something else ("up from ¥150 bn", "more than", "versus"): not a claim about a figure. */
  comparison: boolean;
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
};
const CURRENCY: Record<string, string> = {
  '¥': 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  yuan: 'CNY',
  $: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
};

// prefix currency, number, optional scale word, optional percent or trailing currency/unit word.
const NUMBER =
  /(?<pre>¥|\$|€|\bRMB\s?|\bCNY\s?|\bUSD\s?|\bEUR\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn|tn|[kmbt])\b)?(?<pct>\s?%|\s?per\s?cent)?(?:\s(?<post>yuan|tokens?)\b)?/giu;

const PERIOD_AFTER: Array<[RegExp, Period]> = [
  [/^\s*(?:a|per|each|every)\s+day\b|^\s*daily\b/i, 'day'],
  [/^\s*(?:a|per|each|every)\s+month\b|^\s*monthly\b/i, 'month'],
  [/^\s*(?:a|per|each|every)\s+quarter\b|^\s*quarterly\b/i, 'quarter'],
  [/^\s*(?:a|per|each|every)\s+year\b|^\s*(?:annually|yearly)\b/i, 'year'],
];
const RANGE_AFTER = /^\s*(?:-|–|—|to)\s*[¥$€]?\d/;
const RANGE_BEFORE = /(?:\d\s*(?:-|–|—|to)\s*|\bbetween\s+|\bbetween\s+\S+(?:\s+\S+)?\s+and\s+)$/i;
const COMPARISON_BEFORE =
  /\b(?:from|than|versus|vs\.?|compared (?:with|to)|against|before|previously|earlier|instead of|rather than|not|beyond|exceeds?|exceeding)\s+(?:\S+\s+){0,2}$/i;
const HEDGE_BEFORE = /\b(?:about|around|roughly|nearly|almost|some|approximately|close to|over|under)\s+$|~\s*$/i;

/** Numbers with a unit or scale in a piece of prose; bare numbers (years, counts of things) are left alone. */
export function typedNumbers(text: string): TypedNumber[] {
  const out: TypedNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const g = m.groups!;
    const value = Number(g.num!.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const pre = g.pre?.trim().toLowerCase();
    const scale = g.scale ? SCALES[g.scale.toLowerCase()] : 1;
    const post = g.post?.toLowerCase();
    let unit: string | undefined;
    if (g.pct) unit = 'percent';
    else if (pre) unit = CURRENCY[pre];
    else if (post === 'yuan') unit = 'CNY';
    else if (post?.startsWith('token')) unit = 'tokens';
    else if (g.scale && g.scale.length > 1) unit = 'count';
    if (!unit || scale === undefined) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    out.push({
      text: m[0].trim(),
      unit,
      base: value * scale,
      index: m.index,
      rounding: roundingOf(g.num!) * scale,
      hedged: HEDGE_BEFORE.test(before),
      period: PERIOD_AFTER.find(([re]) => re.test(after))?.[1],
      range: RANGE_AFTER.test(after) || RANGE_BEFORE.test(before),
      comparison: COMPARISON_BEFORE.test(before),
    });
  }
  return out;
}

/**
 * Half the last significant digit the number shows, counting at least two significant digits
 * ("200" may be 204 rounded, not 160): 150 → 5, 548 → 0.5, 0.55 → 0.005, 2 → 0.05.
 */
function roundingOf(num: string): number {
  const plain = num.replace(/,/g, '');
  const [whole = '', fraction] = plain.split('.');
  const trailingZeros = fraction === undefined ? (/0*$/.exec(whole)?.[0].length ?? 0) : 0;
  const significant = `${whole}${fraction ?? ''}`.replace(/^0+/, '').length - trailingZeros;
  const power = (fraction === undefined ? trailingZeros : -fraction.length) - Math.max(0, 2 - significant);
  return 10 ** power / 2;
}

/** One sentence of a paragraph: the figures it shows and the numbers typed in it, with where they are. */
interface Sentence {
  figures: Array<{ id: string; node: Node }>;
  numbers: Array<{ n: TypedNumber; node: Text; column: number }>;
  /** Its text, for the words it uses (read only for sentences with a typed number). */
  text: string;
}

/** Blocks whose inline content is read as sentences (tables and code are not prose). */
const PROSE = ['paragraph', 'heading'];
/** Sentence ends: . ! ? followed by a space and a capital, digit or opening quote (not a decimal point or "U.S."). */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z“"(‘'0-9¥$€])/;

function sentencesOf(a: LintArticle): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of nodesOf<Parent>(a.tree, ...PROSE)) {
    let current: Sentence = { figures: [], numbers: [], text: '' };
    const close = () => {
      if (current.figures.length || current.numbers.length) sentences.push(current);
      current = { figures: [], numbers: [], text: '' };
    };
    const walk = (node: Nodes) => {
      if (node.type === 'text') {
        const text = node;
        // Most text has no digit, hence no typed number and no sentence to split for one.
        const parts = /\d/.test(text.value) || current.figures.length ? text.value.split(SENTENCE_END) : [text.value];
        let offset = 0;
        parts.forEach((part, i) => {
          if (i > 0) close();
          const start = text.value.indexOf(part, offset);
          offset = start + part.length;
          current.text += ` ${part}`;
          if (/\d/.test(part))
            for (const n of typedNumbers(part)) current.numbers.push({ n, node: text, column: start + n.index });
        });
        return;
      }
      if (isJsx(node)) {
        if (node.name === 'Fig') for (const id of jsxStrings(node, 'id')) current.figures.push({ id, node });
        return;
      }
      if ('children' in node) for (const child of node.children) walk(child);
    };
    for (const child of block.children) walk(child);
    close();
  }
  return sentences;
}

/** The words of a sentence, lower-cased, without a possessive 's. */
const wordsOf = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(/'s$/, '')));

type Known = FigureIndex['numbers'][number];

/** The figure, rounded as the typed number is, gives the typed number. */
const sameValue = (n: TypedNumber, f: Known) => Math.abs(n.base - f.base) <= n.rounding + 1e-9 * Math.abs(f.base);
/** Close enough for a hedged number ("about ¥550 million"): within a twentieth. */
const closeTo = (n: TypedNumber, f: Known) =>
  sameValue(n, f) || (n.hedged && Math.abs(n.base - f.base) <= 0.05 * Math.abs(f.base));
const unitsOf = (n: TypedNumber) => (n.unit === 'count' ? ['count', 'tokens'] : [n.unit]);
/** A day's or a month's rate, or a total (of a quarter or a year, or with no period). */
const rate = (period?: string) => (period === 'day' || period === 'month' ? period : 'total');
/** Whether a typed number and a figure measure alike: the unit, and the rate ("a day"); unit prices ("per 1,000 tokens") are left alone. */
const comparable = (n: TypedNumber, f: Known) =>
  unitsOf(n).includes(f.unit) && !f.per && rate(n.period) === rate(f.period);

const STOP = new Set(
  'a an and are as at be by for from in into is it its of on or the their this to was were with per plan total share ai tokens token day days daily month monthly quarter year years annual'.split(
    ' ',
  ),
);
/**
 * What a label names, in words a sentence about the same thing would repeat: names (capitalised in
 * the label, "ByteDance", "Volcano") and numbers ("2026"), lower-cased; units, periods and small words
 * are left out, since any sentence about tokens a day shares them.
 */
const labelWords = (label: string) =>
  (label.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w, i) => /^\p{N}+$/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w)) || (i === 0 && /\p{Lu}.*\p{Lu}/u.test(w)))
    .map((w) => w.toLowerCase().replace(/'s$/, ''))
    .filter((w) => !STOP.has(w));

export function numbersAgainstFigures(ctx: LintContext): Diagnostic[] {
  const figures = ctx.figures;
  if (!figures) return [];
  const byId = new Map(figures.numbers.map((f) => [f.id, f]));
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    const place = (node: Node, column: number) => {
      const start = node.position?.start;
      return {
        file: a.file,
        line: start ? start.line + a.bodyLine - 1 : undefined,
        column: start ? start.column + column : undefined,
      };
    };
    // Figures this article shows anywhere, for "elsewhere in the article".
    const shown = new Map<string, number | undefined>();
    for (const [id, node] of figureUses(a))
      if (!shown.has(id)) shown.set(id, node.position ? node.position.start.line + a.bodyLine - 1 : undefined);
    a.data.keyFigures.forEach((id) => shown.has(id) || shown.set(id, fieldLine(a, ['keyFigures'])));

    for (const s of sentencesOf(a)) {
      const here = s.figures.flatMap(({ id }) => byId.get(id) ?? []);
      for (const { n, node, column } of s.numbers) {
        const equal = figures.numbers.find((f) => unitsOf(n).includes(f.unit) && f.base !== 0 && sameValue(n, f));
        if (equal) {
          out.push({
            severity: 'warning',
            rule: 'typed-figure',
            ...place(node, column),
            message: `"${n.text}" equals the registered figure ${equal.id}.`,
            fix: `Write <Fig id="${equal.id}" /> so the number stays in step with the registry.`,
          });
          continue;
        }
        if (n.range || n.comparison) continue;
        const beside = here.filter((f) => comparable(n, f));
        if (beside.some((f) => closeTo(n, f))) continue;
        if (beside.length > 0) {
          const f = nearestTo(n, beside);
          out.push({
            severity: 'error',
            rule: 'prose-number',
            ...place(node, column),
            message: `"${n.text}" contradicts <Fig id="${f.id}" /> (${f.text ?? f.id}) in the same sentence.`,
            fix: `If it is the same number, write <Fig id="${f.id}" />; if it is another one (an earlier plan, another company), say so ("up from ${n.text}") or add it to content/figures/.`,
          });
          continue;
        }
        if (s.figures.length > 0) continue;
        // The shown figure whose label shares most words with the sentence (two at least).
        const words = wordsOf(s.text);
        const overlap = (f: Known) => (f.label ? labelWords(f.label).filter((w) => words.has(w)).length : 0);
        const about = [...shown.keys()]
          .flatMap((id) => byId.get(id) ?? [])
          .filter((f) => comparable(n, f) && !closeTo(n, f) && overlap(f) >= 2)
          .sort((x, y) => overlap(y) - overlap(x))[0];
        if (about)
          out.push({
            severity: 'warning',
            rule: 'prose-number',
            ...place(node, column),
            message: `"${n.text}" is typed in a sentence about ${about.label ? `"${about.label}"` : about.id}, which this article shows as ${about.text ?? about.id}${shown.get(about.id) ? ` (line ${shown.get(about.id)})` : ''}.`,
            fix: `If it is the same number, write <Fig id="${about.id}" />; if it is another one, make clear what it measures, or add it to content/figures/.`,
          });
      }
    }
  }
  return out;
}

function nearestTo(n: TypedNumber, figures: readonly Known[]): Known {
  return [...figures].sort((x, y) => Math.abs(x.base - n.base) - Math.abs(y.base - n.base))[0]!;
}
