/**
 * JSX in an article as the linter reads it, typed by mdast-util-mdx: the elements of a tree, and
 * their props as plain values when they are literals: `type="bar"`, `horizontal`,
 * `figures={["a.b", "c.d"]}`, `datasets={[{ label: "x", values: [1, 2] }]}`. Anything computed is
 * reported as not literal (the linter cannot check it).
 */
import type { Node } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxAttributeValueExpression,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx';
import { nodesOf } from './tree-index.ts';

export type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;
export type JsxAttribute = MdxJsxAttribute | MdxJsxExpressionAttribute;

/** The expression trees MDX attaches to `{…}` values (estree, as acorn reads them). */
type Program = NonNullable<NonNullable<MdxJsxAttributeValueExpression['data']>['estree']>;
type Expression = Extract<Program['body'][number], { type: 'ExpressionStatement' }>['expression'];

export const NOT_LITERAL = Symbol('not literal');

export function jsxElements(tree: Node): readonly JsxNode[] {
  return nodesOf<JsxNode>(tree, 'mdxJsxFlowElement', 'mdxJsxTextElement');
}

export function isJsx(node: Node): node is JsxNode {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** The named attribute (`name="…"` or `name={…}`), if the element has it. */
export function jsxAttribute(el: JsxNode, name: string): MdxJsxAttribute | undefined {
  return el.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
}

/** One attribute's value: the text, true for a bare name, the literal an expression holds, or NOT_LITERAL. */
export function attributeValue(attr: MdxJsxAttribute): unknown {
  const v = attr.value;
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v;
  const statement = v.data?.estree?.body[0];
  return statement?.type === 'ExpressionStatement' ? literal(statement.expression) : NOT_LITERAL;
}

/** A JSX attribute's literal string value (or the strings in an array of them); [] when absent or computed. */
export function jsxStrings(el: JsxNode, name: string): string[] {
  const attr = jsxAttribute(el, name);
  if (!attr) return [];
  const value = attributeValue(attr);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

/** Every named attribute's value; `{...spread}` attributes are left out. */
export function jsxProps(attributes: readonly JsxAttribute[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const a of attributes) if (a.type === 'mdxJsxAttribute') props[a.name] = attributeValue(a);
  return props;
}

function literal(node: Expression): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'UnaryExpression': {
      const v = literal(node.argument);
      return node.operator === '-' && typeof v === 'number' ? -v : NOT_LITERAL;
    }
    case 'ArrayExpression':
      return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? literal(e) : NOT_LITERAL));
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.type !== 'Property' || p.computed) return NOT_LITERAL;
        const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
        const v = p.value;
        out[name] =
          v.type === 'ObjectPattern' ||
          v.type === 'ArrayPattern' ||
          v.type === 'RestElement' ||
          v.type === 'AssignmentPattern'
            ? NOT_LITERAL
            : literal(v);
      }
      return out;
    }
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? (node.quasis[0]?.value.cooked ?? '') : NOT_LITERAL;
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
