import { findMisfit } from '../control-chars.ts';
import { ContentError } from '../errors.ts';
import { readYaml, schemaErrors, type Path } from '../yaml-schema.ts';
import { articleSchema, type ArticleData } from './article-schema.ts';

export interface SplitFile {
  /** The YAML between the `---` fences ('' when there is none). */
  yaml: string;
  /** 1-based line of the first YAML line in the file. */
  yamlStartLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyStartLine: number;
}

/** Split an MDX file into its frontmatter and body, keeping line numbers. */
export function splitFrontmatter(text: string): SplitFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { yaml: '', yamlStartLine: 1, body: text, bodyStartLine: 1 };
  const yamlLines = m[1]!.split('\n').length;
  return { yaml: m[1]!, yamlStartLine: 2, body: text.slice(m[0].length), bodyStartLine: yamlLines + 3 };
}

const FIELD_HELP: Record<string, string> = {
  title: 'title: "The headline"',
  dek: 'dek: "A one-line subtitle"',
  published: 'published: 2026-03-02',
  updated: 'updated: 2026-03-09',
  authors: 'authors: ["Your Name"]',
  tags: 'tags: ["ByteDance", "capex"]',
  issue: 'issue: 3',
  sources: 'sources:\n    - name: "Publisher, title"\n      url: "https://…"\n      date: 2026-03-01',
  summary: 'summary: "The point of the article in one sentence."',
  draft: 'draft: true',
  hero: 'hero: { src: "/images/x.png", alt: "What the image shows" }',
  keyFigures: 'keyFigures: ["bytedance.capex.2026"]',
};

export interface FrontmatterResult {
  data?: ArticleData;
  errors: ContentError[];
}

/**
 * Validate an article's frontmatter with the same schema Astro uses, but read
 * the YAML ourselves so every error carries the line of the field at fault.
 */
export function validateFrontmatter(file: string, text: string): FrontmatterResult {
  const unreadable = fileTextProblem(file, text);
  if (unreadable) return { errors: [unreadable] };
  const split = splitFrontmatter(text);
  if (!split.yaml) {
    return {
      errors: [
        new ContentError({
          file,
          line: 1,
          message: 'The article has no frontmatter.',
          fix: 'Start the file with a `---` block holding title, dek, published, authors, issue, sources and summary (see docs/authoring.md).',
        }),
      ],
    };
  }
  const yaml = readYaml(
    file,
    split.yaml,
    split.yamlStartLine,
    'Check quotes, colons and indentation on that line; quote text that contains a colon.',
  );
  if (yaml.errors.length > 0)
    return {
      errors: yaml.errors.map(
        (e) =>
          new ContentError({
            file,
            line: e.line,
            column: e.column,
            message: e.detail.startsWith('Not valid YAML: ')
              ? `The frontmatter is not valid YAML: ${e.detail.slice(16)}`
              : e.detail,
            fix: e.fix,
          }),
      ),
    };
  const parsed = articleSchema.safeParse(yaml.value);
  if (parsed.success) return { data: parsed.data, errors: [] };
  return {
    errors: schemaErrors(parsed.error.issues, { file, yaml, value: yaml.value, schema: articleSchema, fixFor: fixFor }),
  };
}

/**
 * What makes the whole file unreadable, before its frontmatter is looked for: a byte-order mark (which
 * hides the opening `---`; it was reported as "no frontmatter"), bytes that are not UTF-8 (Astro stops on
 * them with no reason given) and control characters, which would reach pages and the text email.
 */
function fileTextProblem(file: string, text: string): ContentError | undefined {
  if (text.startsWith('\uFEFF'))
    return new ContentError({
      file,
      line: 1,
      message: 'The file starts with an invisible byte-order mark (U+FEFF), which hides its frontmatter.',
      fix: 'Save it as UTF-8 without a byte-order mark (in most editors: Save with Encoding → UTF-8, not "UTF-8 with BOM").',
    });
  const misfit = findMisfit(text);
  return (
    misfit &&
    new ContentError({ file, line: misfit.line, column: misfit.column, message: misfit.message, fix: misfit.fix })
  );
}

/** An example of the field at fault, shown as the fix. */
function fixFor(path: Path): string | undefined {
  const example = FIELD_HELP[String(path[0] ?? '')];
  return example ? `Write it like:  ${example}` : undefined;
}
