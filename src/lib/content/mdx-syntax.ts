/**
 * The MDX parser Astro renders articles with (Sätteri, as @astrojs/mdx configures it: GFM on), for
 * reading what an article says where the content linter's own parser would cost too much (it runs
 * once per article per build). A syntax tree, or undefined for a body that does not parse (the
 * content check reports those with file:line).
 */
import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';

export function readMdx(body: string): Root | undefined {
  try {
    const tree = mdxToMdast(body, { features: { gfm: true } });
    return tree.type === 'root' ? tree : undefined;
  } catch {
    return undefined;
  }
}
