/**
 * Read a JSX element's props as plain values when they are literals:
 * `type="bar"`, `horizontal`, `figures={["a.b", "c.d"]}`, `datasets={[{ label: "x", values: [1, 2] }]}`.
 * Anything computed is reported as not literal (the linter cannot check it).
 */
interface EstreeNode {
  type: string;
  [key: string]: unknown;
}

export const NOT_LITERAL = Symbol('not literal');

export function jsxProps(
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const a of attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const program = (a.value as { data?: { estree?: { body?: Array<{ expression?: EstreeNode }> } } }).data?.estree;
      const expr = program?.body?.[0]?.expression;
      props[a.name] = expr ? literal(expr) : NOT_LITERAL;
    }
  }
  return props;
}

function literal(node: EstreeNode): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'UnaryExpression': {
      const v = literal(node.argument as EstreeNode);
      return node.operator === '-' && typeof v === 'number' ? -v : NOT_LITERAL;
    }
    case 'ArrayExpression':
      return (node.elements as EstreeNode[]).map((e) => (e ? literal(e) : NOT_LITERAL));
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties as EstreeNode[]) {
        if (p.type !== 'Property' || p.computed) return NOT_LITERAL;
        const key = p.key as EstreeNode;
        const name = key.type === 'Identifier' ? (key.name as string) : String(key.value);
        out[name] = literal(p.value as EstreeNode);
      }
      return out;
    }
    case 'TemplateLiteral':
      return (node.expressions as unknown[]).length === 0
        ? ((node.quasis as Array<{ value: { cooked: string } }>)[0]?.value.cooked ?? '')
        : NOT_LITERAL;
    default:
      return NOT_LITERAL;
  }
}

/** Whether a value (deeply) contains something the linter could not read. */
export function hasNonLiteral(v: unknown): boolean {
  if (v === NOT_LITERAL) return true;
  if (Array.isArray(v)) return v.some(hasNonLiteral);
  if (v && typeof v === 'object') return Object.values(v).some(hasNonLiteral);
  return false;
}
