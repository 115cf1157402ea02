import { visit, SKIP } from 'unist-util-visit';
import type { Diagnostic } from './diagnostic.ts';
import type { LintContext } from './context.ts';

/** A number an author typed, read with its unit: "¥200 billion" → CNY 2e11. */
export interface TypedNumber {
  text: string;
  unit: string;
  base: number;
  index: number;
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
    out.push({ text: m[0].trim(), unit, base: value * scale, index: m.index });
  }
  return out;
}

/**
 * Numbers typed in prose that equal a registered figure: they should be
 * `<Fig id="…"/>` so that a revision reaches this article too.
 */
export function numbersMatchingFigures(ctx: LintContext, tolerance = 0.005): Diagnostic[] {
  const figures = ctx.figures;
  if (!figures) return [];
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    visit(a.tree, (node, _i, _parent) => {
      if (
        node.type === 'mdxJsxFlowElement' ||
        node.type === 'mdxJsxTextElement' ||
        node.type === 'code' ||
        node.type === 'inlineCode' ||
        node.type === 'table'
      )
        return SKIP;
      if (node.type !== 'text') return;
      for (const n of typedNumbers(node.value)) {
        const units = n.unit === 'count' ? ['count', 'tokens'] : [n.unit];
        const match = figures.numbers.find(
          (f) => units.includes(f.unit) && f.base !== 0 && Math.abs(n.base - f.base) / Math.abs(f.base) <= tolerance,
        );
        if (!match) continue;
        const start = node.position?.start;
        out.push({
          severity: 'warning',
          rule: 'typed-figure',
          file: a.file,
          line: start ? start.line + a.bodyLine - 1 : undefined,
          column: start ? start.column + n.index : undefined,
          message: `"${n.text}" equals the registered figure ${match.id}.`,
          fix: `Write <Fig id="${match.id}" /> so the number stays in step with the registry.`,
        });
      }
      return undefined;
    });
  }
  return out;
}
