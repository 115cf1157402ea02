/**
 * A thin layer over parse5, the spec-compliant HTML parser: parse a fragment
 * exactly as a browser would, change it, serialize it back. Every HTML
 * transform in src/lib (feeds, email, plain text) goes through here.
 */
import { parseFragment, serialize, serializeOuter, type DefaultTreeAdapterTypes as T } from 'parse5';

export type Node = T.ChildNode;
export type Element = T.Element;
export type Parent = T.ParentNode;
export type Fragment = T.DocumentFragment;

export function parseHtmlFragment(html: string): Fragment {
  return parseFragment(html);
}

export function serializeHtml(node: Parent): string {
  return serialize(node);
}

/** An element with its own tags, as it appears in the document. */
export function serializeElement(el: Element): string {
  return serializeOuter(el);
}

export function isElement(node: Node | Parent): node is Element {
  return 'tagName' in node;
}

export function isText(node: Node): node is T.TextNode {
  return node.nodeName === '#text';
}

export function getAttr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function setAttr(el: Element, name: string, value: string): void {
  const attr = el.attrs.find((a) => a.name === name);
  if (attr) attr.value = value;
  else el.attrs.push({ name, value });
}

/** Children of a node (elements, text, comments). */
export function children(node: Parent): Node[] {
  return node.childNodes;
}

/** Visit every element below `root`, depth first, parents before children. */
export function walkElements(root: Parent, visit: (el: Element) => void): void {
  for (const child of root.childNodes) {
    if (isElement(child)) {
      visit(child);
      walkElements(child, visit);
    } else if ('childNodes' in child) {
      walkElements(child as unknown as Parent, visit);
    }
  }
}

/** Text content, whitespace kept as written. */
export function textContent(node: Node | Parent): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  if (!('childNodes' in node)) return '';
  return node.childNodes.map((c) => textContent(c)).join('');
}

/** Replace a node's children. */
export function setChildren(parent: Parent, nodes: Node[]): void {
  parent.childNodes = nodes;
  for (const n of nodes) n.parentNode = parent;
}

/** A new element (HTML namespace). */
export function createElement(
  tagName: string,
  attrs: Record<string, string>,
  childNodes: Node[],
  parent: Parent,
): Element {
  const el: Element = {
    nodeName: tagName,
    tagName,
    attrs: Object.entries(attrs).map(([name, value]) => ({ name, value })),
    namespaceURI: 'http://www.w3.org/1999/xhtml' as Element['namespaceURI'],
    childNodes: [],
    parentNode: parent,
  };
  setChildren(el, childNodes);
  return el;
}
