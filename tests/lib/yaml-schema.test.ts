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
