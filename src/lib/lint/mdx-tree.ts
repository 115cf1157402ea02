import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { ContentError } from '../errors.ts';

/** Parse an article body as MDX (with GFM), keeping positions for file:line messages. */
export function parseMdx(file: string, body: string, lineOffset: number): Root | ContentError {
  try {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
    return processor.runSync(processor.parse(body)) as Root;
  } catch (error) {
    const e = error as { message?: string; reason?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line;
    const column = e.column ?? e.place?.column ?? e.place?.start?.column;
    return new ContentError({
      file,
      line: line === undefined ? undefined : line + lineOffset - 1,
      column,
      message: `MDX syntax error: ${(e.reason ?? e.message ?? String(error)).split('\n')[0]}`,
      fix: 'Check the tag or expression there: close every <Component …/>, and write a literal < or { as &lt; or \\{.',
    });
  }
}
