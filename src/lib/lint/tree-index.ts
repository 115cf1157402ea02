import type { Node } from 'unist';

/**
 * The nodes of a parsed article, in document order (depth first, as
 * unist-util-visit walks them), gathered in one walk and kept per tree. The
 * content rules ask for "every link", "every JSX element", … of each article;
 * at archive scale a separate visit per rule per article was a large share of
 * the content check's time.
 */
interface TreeIndex {
  all: Node[];
  byType: Map<string, Node[]>;
}

const indexes = new WeakMap<Node, TreeIndex>();

function indexOf(tree: Node): TreeIndex {
  let index = indexes.get(tree);
  if (index) return index;
  index = { all: [], byType: new Map() };
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    index.all.push(node);
    const list = index.byType.get(node.type);
    if (list) list.push(node);
    else index.byType.set(node.type, [node]);
    const children = (node as Node & { children?: Node[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  indexes.set(tree, index);
  return index;
}

/** Every node of these types (all nodes when none is named), in document order. */
export function nodesOf<T extends Node = Node>(tree: Node, ...types: string[]): readonly T[] {
  const index = indexOf(tree);
  if (types.length === 0) return index.all as T[];
  const key = types.join(' ');
  let list = index.byType.get(key);
  if (!list) {
    const wanted = new Set(types);
    list = index.all.filter((n) => wanted.has(n.type));
    index.byType.set(key, list);
  }
  return list as T[];
}

/** Nodes with children (the tree itself included), in document order. */
export function parentsOf(tree: Node): ReadonlyArray<Node & { children: Node[] }> {
  return indexOf(tree).all.filter((n): n is Node & { children: Node[] } =>
    Array.isArray((n as { children?: unknown }).children),
  );
}
