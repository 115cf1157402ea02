/** The static host the browser tests (and the benchmark's Lighthouse runs) load pages from. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

let dir: string;
let server: StaticServer;
const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aif-serve-'));
  mkdirSync(join(dir, 'articles/a'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(dir, 'articles/a/index.html'), '<!doctype html><title>a</title>');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>not found</title>');
  for (const ext of ['xml', 'json', 'png', 'webp', 'woff2', 'js', 'css', 'svg', 'wasm', 'unknownext'])
    writeFileSync(join(dir, `file.${ext}`), 'x');
  mkdirSync(join(dir, 'tags/capex'), { recursive: true });
  writeFileSync(join(dir, 'tags/capex/rss.xml'), '<rss/>');
  writeFileSync(join(dir, 'tags/capex/atom.xml'), '<feed/>');
  writeFileSync(join(dir, '_redirects'), '# old feeds\n/tags/:tag/atom.xml /tags/:tag/rss.xml 301\n/old/ /new/ 302\n');
  server = await serveDist(dir);
});
afterAll(() => server?.close());

describe('the static server', () => {
  it('serves files with their content types', async () => {
    const types: Record<string, string | null> = {};
    for (const ext of ['xml', 'json', 'png', 'webp', 'woff2', 'js', 'css', 'svg', 'wasm', 'unknownext'])
      types[ext] = (await get(`/file.${ext}`)).headers.get('content-type');
    expect(types).toEqual({
      xml: 'application/xml; charset=utf-8',
      json: 'application/json; charset=utf-8',
      png: 'image/png',
      webp: 'image/webp',
      woff2: 'font/woff2',
      js: 'text/javascript; charset=utf-8',
      css: 'text/css; charset=utf-8',
      svg: 'image/svg+xml',
      wasm: 'application/wasm',
      unknownext: 'application/octet-stream',
    });
  });

  it('serves a folder’s index.html, and redirects a folder asked for without its slash', async () => {
    expect(await (await get('/articles/a/')).text()).toContain('<title>a</title>');
    expect(await (await get('/')).text()).toContain('<title>home</title>');
    const redirect = await get('/articles/a?x=1');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/articles/a/?x=1']);
  });

  it('answers 404 with 404.html for anything missing, including a file asked for as a folder', async () => {
    for (const path of ['/nope/', '/nope.png', '/file.css/']) {
      const res = await get(path);
      expect([path, res.status, res.headers.get('content-type'), await res.text()]).toEqual([
        path,
        404,
        'text/html; charset=utf-8',
        '<!doctype html><title>not found</title>',
      ]);
    }
  });

  it('redirects by the site’s _redirects only where no file answers, as the hosts do', async () => {
    const moved = await get('/tags/dou-bao/atom.xml?x=1');
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/tags/dou-bao/rss.xml?x=1']);
    expect([(await get('/old/')).status, (await get('/old/')).headers.get('location')]).toEqual([302, '/new/']);
    // A file at the old address still answers (no forced rule).
    expect(await (await get('/tags/capex/atom.xml')).text()).toBe('<feed/>');
    expect((await get('/tags/a/b/atom.xml')).status).toBe(404);
  });

  it('answers HEAD without a body, refuses other methods, bad escapes and paths out of the folder', async () => {
    const head = await get('/', { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '34', '']);
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBeGreaterThanOrEqual(400);
  });
});

describe('the static server under a base path', () => {
  it('serves the folder under /repo/ only, as GitHub Pages serves a project site', async () => {
    const based = await serveDist(dir, { base: '/repo/' });
    const at = (path: string) => fetch(`${based.url}${path}`, { redirect: 'manual' });
    try {
      expect((await at('/repo/')).status).toBe(200);
      expect(await (await at('/repo/articles/a/')).text()).toContain('<title>a</title>');
      expect((await at('/repo')).headers.get('location')).toBe('/repo/');
      expect((await at('/repo/articles/a')).headers.get('location')).toBe('/repo/articles/a/');
      const outside = await at('/articles/a/');
      expect(outside.status).toBe(404);
      expect(await outside.text()).toContain('not found');
      expect((await at('/index.html')).status).toBe(404);
    } finally {
      await based.close();
    }
  });
});
