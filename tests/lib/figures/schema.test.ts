import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { publishedFigures } from '../../../src/lib/figures/publish.ts';
import { buildRegistry } from '../../../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../../../src/lib/inputs/registry-files.ts';
import { figuresJsonSchema, publishedRegistrySchema } from '../../../src/lib/figures/schema.ts';
import { projectRoot } from '../../helpers/project.ts';

const registry = buildRegistry(readRegistryFiles(join(projectRoot, 'content', 'figures'), projectRoot)).registry!;

describe('the published figures schema', () => {
  const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(figuresJsonSchema());

  it('accepts the published registry, and the zod schema agrees', () => {
    const doc = { version: 1, figures: publishedFigures(registry) };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(publishedRegistrySchema.safeParse(doc).success).toBe(true);
  });

  it('rejects what the registry itself would reject: an unknown unit, a bad id, an extra field', () => {
    const [first] = publishedFigures(registry);
    for (const bad of [
      { ...first, unit: 'RMB' },
      { ...first, id: 'NotDotted' },
      { ...first, extra: 1 },
    ]) {
      expect(validate({ version: 1, figures: [bad] })).toBe(false);
    }
  });
});
