/**
 * Which figures an article uses, read from its MDX source: `<Fig id>`,
 * `<StatCard id>`, `<Chart figures={[…]}>`, `<Chart series>` and the
 * frontmatter's keyFigures. A fast scan (no full parse) for pages that list
 * figures and back-links; the linter's parser is the strict check.
 */
const COMPONENT = /<(Fig|StatCard|Chart)\b([^>]*?)\/?>/gs;
const ATTR = /\b(id|figures|series)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g;

export function figureIdsInSource(body: string): { figures: string[]; series: string[] } {
  const figures: string[] = [];
  const series: string[] = [];
  for (const m of body.matchAll(COMPONENT)) {
    for (const a of m[2]!.matchAll(ATTR)) {
      const values = a[2] ?? a[3] ?? [...(a[4] ?? '').matchAll(/["']([^"']+)["']/g)].map((x) => x[1]!);
      const list = Array.isArray(values) ? values : [values];
      if (a[1] === 'series') series.push(...list);
      else if (a[1] === 'figures' || m[1] !== 'Chart') figures.push(...list);
    }
  }
  return { figures: [...new Set(figures)], series: [...new Set(series)] };
}
