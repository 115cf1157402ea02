import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { keysAt, readYaml, schemaErrors } from '../../src/lib/yaml-schema.ts';

const schema = z.strictObject({
  title: z.string(),
  count: z.number({ error: 'Expected a number' }),
  items: z.array(z.strictObject({ name: z.string(), size: z.number().optional() })).optional(),
  source: z.union([z.string(), z.strictObject({ name: z.string(), url: z.string() })]).optional(),
});

function check(text: string, firstLine = 1) {
  const yaml = readYaml('f.yaml', text, firstLine);
  if (yaml.errors.length > 0) return yaml.errors.map((e) => e.message);
  const r = schema.safeParse(yaml.value);
  return r.success
    ? []
    : schemaErrors(r.error.issues, {
        file: 'f.yaml',
        yaml,
        value: yaml.value,
        schema,
        fixFor: (p) => `fix ${p.join('.')}`,
      }).map((e) => e.message);
}

describe('schemaErrors', () => {
  it('names the line of the field at fault, shifted by where the YAML starts in the file', () => {
    expect(check('title: a\ncount: "x"\n', 2)).toEqual([
      'f.yaml:3 (count): Expected a number, received "x".\n  Fix: fix count',
    ]);
  });

  it('reports a missing field at its parent, not at line 1', () => {
    expect(check('title: a\nitems:\n  - size: 2\n')).toEqual([
      'f.yaml:1 (count): `count` is missing.\n  Fix: fix count',
      'f.yaml:3 (items.0.name): `name` is missing.\n  Fix: fix items.0.name',
    ]);
  });

  it('suggests the nearest allowed field for a misspelled one, at any depth', () => {
    const messages = check('title: a\ncout: 1\ncount: 1\nitems:\n  - name: x\n    szie: 1\n');
    const top = messages.find((m) => m.includes('cout')) ?? '';
    const nested = messages.find((m) => m.includes('szie')) ?? '';
    expect(top).toContain('f.yaml:2 (cout): Unknown field "cout".');
    expect(top).toContain('Did you mean "count"?');
    expect(nested).toContain('f.yaml:6 (items.0.szie): Unknown field "szie".');
    expect(nested).toContain('Did you mean "size"?');
  });

  it('reports the union branch that matches what was written', () => {
    expect(check('title: a\ncount: 1\nsource:\n  name: x\n')).toEqual([
      'f.yaml:4 (source.url): `url` is missing.\n  Fix: fix source.url',
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(check('title: [a\ncount: 1\n')[0]).toMatch(/^f\.yaml:\d+:\d+: Not valid YAML/);
  });

  it('walks the schema for allowed keys', () => {
    expect(keysAt(schema, [])).toEqual(['title', 'count', 'items', 'source']);
    expect(keysAt(schema, ['items', 0])).toEqual(['name', 'size']);
    expect(keysAt(schema, ['source'])).toEqual(['name', 'url']);
    expect(keysAt(schema, ['title'])).toEqual([]);
  });
});

/** A "billion laughs" YAML: each anchor holds nine aliases of the one before, so the text expands to 9^9 values. */
export function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('readYaml refuses what no author means', () => {
  it('a billion-laughs file: a message at the line of the first alias and a fix, never a thrown ReferenceError', () => {
    const { errors, value } = readYaml('content/authors.yaml', `title: x\n${billionLaughs()}`, 1);
    expect(value).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^content\/authors\.yaml:3: Its aliases \(\*name\) repeat anchors .*billion laughs.*\n {2}Fix: Write the values out/,
      ),
    ]);
    // A few aliases of plain values are fine.
    expect(readYaml('f.yaml', 'a: &x 1\nb: *x\nc: [*x, *x]\n').value).toEqual({ a: 1, b: 1, c: [1, 1] });
  });

  it('control characters, typed or written as escapes, and bytes that were not UTF-8: each at its line, with the fix', () => {
    const at = (text: string, firstLine = 1) => readYaml('f.yaml', text, firstLine).errors.map((e) => e.message);
    expect(at('title: ok\nlabel: a\u0000b\n')).toEqual([
      'f.yaml:2:9: The file contains an invisible NUL (U+0000) character here.\n  Fix: Delete it: no one types it on purpose (it comes with text pasted out of a PDF, a terminal or a word processor) and it would reach pages and the text email.',
    ]);
    expect(at('title: ok\nlabel: "red \\e[31m"\n', 2)[0]).toMatch(
      /^f\.yaml:3: This value holds an invisible ESC \(U\+001B\) character, written as an escape\.\n {2}Fix: Remove the escape/,
    );
    expect(at('a: "\\x07"')[0]).toContain('BEL (U+0007)');
    expect(at('title: caf\ufffd\n')[0]).toMatch(
      /^f\.yaml:1:11: The file is not valid UTF-8 here .*\n {2}Fix: Save the file as UTF-8/,
    );
    expect(at('title: "tabs\tare fine"\nnote: and so are line ends\r\n')).toEqual([]);
    // Reported before the syntax errors it may cause.
    expect(at('title: "x\u001b\n')).toHaveLength(1);
  });
});
