import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { copyProject, readDist, runScript } from '../helpers/project.ts';
import { publishedSourceArticles } from '../helpers/site-articles.ts';
import { citedIds } from '../../src/lib/content/article-facts.ts';

const registry = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/generated/figures.json'), 'utf8'));
const articles = publishedSourceArticles(new Date('2026-11-24T12:00:00Z'));

describe('figures in the built site', () => {
  it('shows every figure an article uses, formatted as the registry says, linked to its entry', () => {
    for (const a of articles) {
      const html = readDist(`articles/${a.slug}/index.html`);
      const { figures } = citedIds(a.body);
      expect(figures.length).toBeGreaterThan(5);
      for (const id of figures) {
        expect(html.includes(`data-figure="${id}"`), id).toBe(true);
        expect(html.includes(`id="fig-${id}"`), `${id} listed`).toBe(true);
        expect(html.includes(registry.figures[id].text.long.replace(/&/g, '&amp;')), `${id} value`).toBe(true);
      }
    }
  });

  it('lists every figure on /figures/ with back-links to the articles that cite it', () => {
    const page = readDist('figures/index.html');
    for (const id of Object.keys(registry.figures)) expect(page).toContain(`id="fig-${id}"`);
    for (const a of articles) {
      for (const id of citedIds(a.body).figures) {
        const entry = page.slice(page.indexOf(`id="fig-${id}"`));
        const end = entry.indexOf('</dd>');
        expect(entry.slice(0, end > 0 ? end : undefined), `${id} cites ${a.slug}`).toContain(
          `href="/articles/${a.slug}/#fig-${id}"`,
        );
      }
    }
  });

  it('publishes /figures.json valid against its schema, and a CSV with the same ids', () => {
    const schema = JSON.parse(readDist('figures.schema.json'));
    const data = JSON.parse(readDist('figures.json'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.figures.map((f: { id: string }) => f.id).sort()).toEqual(Object.keys(registry.figures).sort());
    const csvIds = readDist('figures.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(csvIds.sort()).toEqual(Object.keys(registry.figures).sort());
  });
});

describe('an unknown figure id', () => {
  it('fails the build naming the article, the id and the nearest known ids', () => {
    const dir = copyProject();
    const file = join(dir, 'content/articles/2026-05-11-bytedance-200-billion-ai-bet.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('<Fig id="bytedance.capex.chips" />', '<Fig id="bytedance.capex.chip" />'),
    );
    const result = runScript('scripts/build.ts', ['--offline'], { cwd: dir });
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toMatch(
      /content\/articles\/2026-05-11-bytedance-200-billion-ai-bet\.mdx:\d+:\d+: Unknown figure id "bytedance\.capex\.chip"\./,
    );
    expect(output).toContain('Did you mean "bytedance.capex.chips"');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
