import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { testDist, readDist } from '../helpers/project.ts';
import { getAttr, walkElements } from '../../src/lib/html/dom.ts';
import { siteUrl } from '../helpers/dist-files.ts';

function htmlFiles(dir = testDist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'newsletter' ? [] : htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

const pages = htmlFiles();

describe('content security policy', () => {
  it.each(pages.map((p) => [p.slice(testDist.length + 1), p]))(
    '%s has a strict policy and no inline script',
    (_name, file) => {
      const doc = parse(readFileSync(file, 'utf8'));
      let policy = '';
      const inline: string[] = [];
      const external: string[] = [];
      walkElements(doc, (el) => {
        if (el.tagName === 'meta' && getAttr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy')
          policy = getAttr(el, 'content') ?? '';
        if (el.tagName === 'script') {
          const type = getAttr(el, 'type') ?? '';
          const src = getAttr(el, 'src');
          if (src) external.push(src);
          else if (!/^application\/(ld\+)?json$/.test(type)) inline.push(type || 'classic');
        }
        for (const a of el.attrs) if (/^on/i.test(a.name)) inline.push(`${el.tagName}[${a.name}]`);
      });
      const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc).toBeTruthy();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(policy).toContain("object-src 'none'");
      expect(inline).toEqual([]);
      for (const src of external) expect(src.startsWith('/')).toBe(true);
    },
  );

  it('ships the same policy as a header file for hosts', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(readDist('index.html'))![1]!
      .replace(/&#39;/g, "'");
    expect(readDist('_headers')).toContain(`Content-Security-Policy: ${meta}; frame-ancestors 'none'`);
  });
});

describe('links and third parties', () => {
  it('gives every external link rel="noopener noreferrer" and loads nothing from another origin', () => {
    let externalLinks = 0;
    for (const file of pages) {
      walkElements(parse(readFileSync(file, 'utf8')), (el) => {
        const href = getAttr(el, 'href');
        if (el.tagName === 'a' && href && /^https?:\/\//.test(href) && !href.startsWith(siteUrl())) {
          externalLinks++;
          expect(getAttr(el, 'rel'), `${file}: ${href}`).toBe('noopener noreferrer');
        }
        const src = getAttr(el, 'src');
        if (src) expect(src, `${file}: ${el.tagName} src`).not.toMatch(/^(https?:)?\/\//);
        if (el.tagName === 'link' && /stylesheet|preload|modulepreload|icon/.test(getAttr(el, 'rel') ?? ''))
          expect(getAttr(el, 'href')).toMatch(/^\/[^/]/);
      });
    }
    expect(externalLinks).toBeGreaterThan(0);
  });
});

describe('self-hosted fonts', () => {
  it('serve @font-face rules whose files exist: the regular face optional and preloaded on every page, bold and italic swapping in, their fallbacks cut from the regular file', () => {
    const css = readDist('fonts.css');
    const rules = [
      ...css.matchAll(/@font-face\{font-family:"([^"]+)";src:url\("([^"]+)"\)[^}]*font-display:(\w+)/g),
    ].map(([, family, url, display]) => ({ family, url: url!, display }));
    const body = rules.filter((r) => r.family === 'Source Serif 4');
    expect(body.map((r) => r.display)).toEqual(['optional', 'swap', 'swap']);
    for (const { url } of body) expect(readFileSync(join(testDist, url)).length).toBeGreaterThan(1000);
    const regular = body[0]!.url;
    expect(rules.filter((r) => r.family === 'Source Serif 4 fallback')).toEqual(
      body.map(() => ({ family: 'Source Serif 4 fallback', url: regular, display: 'optional' })),
    );
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const preload = /<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin>/.exec(html)?.[1];
      expect(preload, file).toBe(regular);
    }
  });
});
