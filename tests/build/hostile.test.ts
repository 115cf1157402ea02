import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { copyProject, runScript } from '../helpers/project.ts';

/** Strings that break naive templating, XML and JSON. */
const HOSTILE_TITLE = 'Tokens </script><script>alert(1)</script> & "quotes" ]]> \u202Eevil 豆包 ✅';
const HOSTILE_TAG = '"><img src=x onerror=alert(1)>';
const HOSTILE_AUTHOR = 'Ann &amp; <b>Bob</b>';

describe('hostile text in frontmatter', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject();
    const yamlString = (s: string) => JSON.stringify(s);
    writeFileSync(
      join(dir, 'content/articles/2026-01-10-hostile.mdx'),
      `---\ntitle: ${yamlString(HOSTILE_TITLE + '\u0007')}\ndek: ${yamlString('A dek with <b>tags</b> & ]]>')}\npublished: 2026-01-10\nauthors: [${yamlString(HOSTILE_AUTHOR)}]\ntags: [${yamlString(HOSTILE_TAG)}]\nissue: 77\nsources:\n  - name: ${yamlString('Source </a><a href="javascript:alert(1)">')}\n    url: "https://example.org/?a=1&b=2"\n    date: 2026-01-01\nsummary: ${yamlString('One sentence with </script> in it.')}\n---\n\nBody.\n`,
    );
    const result = runScript('scripts/build.ts', [], { cwd: dir, env: { BUILD_DATE: '2026-11-24T00:00:00Z' } });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  const read = (p: string) => readFileSync(join(dir, 'dist', p), 'utf8');

  it('renders as text on the article page', () => {
    const html = read('articles/hostile/index.html');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Bob</b>');
    expect(html).toContain('&lt;/script&gt;');
  });

  it.each(['rss.xml', 'atom.xml'])('%s stays well-formed and reads back the exact title', (file) => {
    const xml = read(file);
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parseFeed(xml).items.find((i) => i.url?.endsWith('/articles/hostile/'));
    expect(item?.title).toBe(HOSTILE_TITLE);
    // A strict XML parser reads author and content back exactly (lenient feed parsers decode entities once more).
    const strict = JSON.stringify(new XMLParser({ ignoreAttributes: false, htmlEntities: true, parseTagValue: false }).parse(xml));
    expect(strict).toContain(JSON.stringify(HOSTILE_AUTHOR));
    const raw = /<(content:encoded|content type="html")>([^<]*hostile text[^<]*|[^<]*Body\.[^<]*)<\/content(?::encoded)?>/.exec(xml)?.[2] ?? '';
    const html = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    expect(html).toContain('Body.');
    expect(html).not.toMatch(/<script|href="javascript:|\sonerror=/);
    expect(html).toContain('&lt;/script&gt;');
  });

  it('feed.json parses and keeps the strings as data', () => {
    const item = JSON.parse(read('feed.json')).items.find((i: { url: string }) => i.url.endsWith('/articles/hostile/'));
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item.tags).toEqual([HOSTILE_TAG]);
    expect(item.authors).toEqual([{ name: HOSTILE_AUTHOR }]);
    expect(item.content_html).not.toMatch(/<script|href="javascript:|\sonerror=/);
  });
});
