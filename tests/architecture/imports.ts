/**
 * The import reader the architecture tests use: TypeScript's own pre-processor, which finds every
 * static import and export, type-only ones, `import()` calls with a literal name and `require`s,
 * whatever the formatting. For `.astro` files it reads the frontmatter and the `<script>` blocks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const root = resolve(import.meta.dirname, '../..');

/** The code of a source file: all of a TypeScript file, the frontmatter and scripts of an Astro one. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return [front, ...scripts].join('\n');
}

/** Every module name a piece of code imports, relative ones resolved to repository paths from `file`. */
export function importsIn(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(codeOf(file, text), true, true);
  return importedFiles.map(({ fileName: s }) =>
    s.startsWith('.')
      ? relative(root, resolve(root, dirname(file), s))
          .split('\\')
          .join('/')
      : s,
  );
}

/**
 * Whether code uses the global `fetch` (called, passed or given as a default), read from its syntax tree:
 * a property or parameter named fetch, or `typeof fetch` in a type, does not count.
 */
export function usesFetch(file: string, text: string): boolean {
  const source = ts.createSourceFile(file, codeOf(file, text), ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === 'fetch') {
      const p = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertySignature(p) ||
          ts.isPropertyAssignment(p) ||
          ts.isParameter(p) ||
          ts.isVariableDeclaration(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isBindingElement(p)) &&
          p.name === node) ||
        ts.isTypeQueryNode(p);
      if (!isName) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every module name a repository file imports. */
export function importsOf(file: string): string[] {
  return importsIn(file, readFileSync(join(root, file), 'utf8'));
}

/** The source files (TypeScript and Astro) under a repository folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|astro)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** The import circles among `files` (Tarjan's strongly connected components of two files or more, or a file importing itself). */
export function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}
