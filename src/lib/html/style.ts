/**
 * Inline `style` attributes as lists of declarations: parse, merge without
 * repeating a property, serialize. Values never contain `;` in our markup
 * (no data: URLs, no quoted semicolons), so a split on `;` is exact here.
 */
export type Declaration = [property: string, value: string];

export function parseStyle(style: string | undefined): Declaration[] {
  if (!style) return [];
  const out: Declaration[] = [];
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim();
    if (property && value) out.push([property, value]);
  }
  return out;
}

export function serializeStyle(decls: readonly Declaration[]): string {
  return decls.map(([p, v]) => `${p}:${v}`).join(';');
}

/**
 * Later styles win; each property appears once, at the place it first appeared.
 * A shorthand (`border`, `padding`, `background`…) replaces its longhands set earlier.
 */
export function mergeStyles(...styles: Array<string | undefined>): string {
  const result = new Map<string, string>();
  for (const style of styles) {
    for (const [property, value] of parseStyle(style)) {
      for (const existing of [...result.keys()]) {
        if (existing !== property && existing.startsWith(`${property}-`)) result.delete(existing);
      }
      result.set(property, value);
    }
  }
  return serializeStyle([...result]);
}

export function styleValue(style: string | undefined, property: string): string | undefined {
  let found: string | undefined;
  for (const [p, v] of parseStyle(style)) if (p === property) found = v;
  return found;
}
