/**
 * `import` lines in an article. The column's components need none; an import of a file or package
 * that does not exist stops the build in Vite with a stack trace and a position inside the compiled
 * file, so the check finds it first, at the article's own line.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { MdxjsEsm } from 'mdast-util-mdx';
import type { Diagnostic } from './diagnostic.ts';
import type { LintArticle, LintContext } from './context.ts';
import { nodesOf } from './tree-index.ts';
import { editDistance, nearest } from '../errors.ts';
import { MDX_COMPONENT_NAMES } from '../content/component-names.ts';

const COMPONENTS: ReadonlySet<string> = new Set(MDX_COMPONENT_NAMES);
const EXTENSIONS = ['', '.astro', '.ts', '.js', '.mjs', '.tsx', '.jsx', '.mdx', '.md', '.json'];

/** Names an article imports (`import Foo from …`, `import { Bar } from …`): components it may use. */
export function importedNames(a: LintArticle): Set<string> {
  const names = new Set<string>();
  for (const esm of nodesOf<MdxjsEsm>(a.tree, 'mdxjsEsm'))
    for (const statement of esm.data?.estree?.body ?? [])
      if (statement.type === 'ImportDeclaration') for (const s of statement.specifiers) names.add(s.local.name);
  return names;
}

export function missingImports(ctx: LintContext): Diagnostic[] {
  const root = ctx.root;
  if (!root) return [];
  const fromRoot = createRequire(join(root, 'package.json'));
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const esm of nodesOf<MdxjsEsm>(a.tree, 'mdxjsEsm')) {
      for (const statement of esm.data?.estree?.body ?? []) {
        if (statement.type !== 'ImportDeclaration' || typeof statement.source.value !== 'string') continue;
        const spec = statement.source.value;
        if (spec.startsWith('astro:') || found(spec, root, a.file, fromRoot)) continue;
        const names = statement.specifiers.map((s) => s.local.name);
        const ours = names.find((n) => COMPONENTS.has(n));
        const like = names
          .map((n) => nearest(n, MDX_COMPONENT_NAMES, 1)[0]!)
          .find((c, i) => editDistance(c.toLowerCase(), names[i]!.toLowerCase()) <= 2);
        const loc = statement.loc?.start;
        out.push({
          severity: 'error',
          rule: 'missing-import',
          file: a.file,
          line: loc ? loc.line + a.bodyLine - 1 : undefined,
          column: loc ? loc.column + 1 : undefined,
          message: `${spec} does not exist${spec.startsWith('.') || spec.startsWith('/') ? ` (looked for it from ${dirname(a.file)}/)` : ' (no such package is installed)'}, so the build would stop here.`,
          fix: ours
            ? `Delete this line: <${ours}> is one of the column's components and needs no import.`
            : `Delete this line and use the column's components, which need no import: ${MDX_COMPONENT_NAMES.join(', ')}${like ? ` (did you mean <${like}>?)` : ''}; or correct the path.`,
        });
      }
    }
  }
  return out;
}

function found(spec: string, root: string, file: string, fromRoot: NodeJS.Require): boolean {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const base = spec.startsWith('/') ? join(root, spec) : resolve(root, dirname(file), spec);
    return (
      EXTENSIONS.some((ext) => isFile(base + ext)) ||
      EXTENSIONS.slice(1).some((ext) => isFile(join(base, `index${ext}`)))
    );
  }
  try {
    fromRoot.resolve(spec);
    return true;
  } catch {
    // A package may export only an ES module entry that require() cannot name: its folder is enough.
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    return existsSync(join(root, 'node_modules', name, 'package.json'));
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
