/**
 * Quality gates over a built site, as functions that return problems: the
 * real site must have none, and a deliberately broken fixture must trip each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { dirname, join, posix } from 'node:path';
import { parse } from 'parse5';
import { getAttr, walkElements } from '../../src/lib/html/dom.ts';
import { distFiles } from './dist-files.ts';

const require = createRequire(import.meta.url);

/** Byte budgets (gzip level 9, deterministic). */
export const BUDGETS = {
  /** JavaScript on a page with charts: entry script plus every chunk it imports. */
  chartPageJs: 60 * 1024,
  /** JavaScript on pages without charts or search. */
  plainPageJs: 0,
  /** CSS per page: linked stylesheets plus inline styles. */
  pageCss: 15 * 1024,
  /** HTML of the longest article. */
  articleHtml: 50 * 1024,
};

/** Nu Html Checker errors for every .html page (one JVM for all files). */
export function findInvalidHtml(dist: string): string[] {
  const jar = join(dirname(require.resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');
  const files = distFiles(dist).filter((f) => f.endsWith('.html')).map((f) => join(dist, f));
  const result = spawnSync('java', ['-jar', jar, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  const messages = (JSON.parse(result.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; lastLine?: number; message: string }> }).messages;
  return messages.filter((m) => m.type === 'error').map((m) => `${m.url.replace(`file:${dist}/`, '')}:${m.lastLine ?? '?'}: ${m.message}`);
}

/** Internal references (links, images, scripts, styles, srcset; in pages and feeds) that resolve to nothing. */
export function findDeadLinks(dist: string, siteUrl: string): string[] {
  const files = distFiles(dist);
  const exists = (path: string) => {
    const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
    const local = join(dist, clean);
    return existsSync(local) && (!clean.endsWith('/') || existsSync(join(local, 'index.html')));
  };
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    if (!ids.has(page)) {
      const set = new Set<string>();
      const file = join(dist, page.endsWith('/') ? `${page}index.html` : page);
      if (existsSync(file) && file.endsWith('.html')) walkElements(parse(readFileSync(file, 'utf8')), (el) => { const id = getAttr(el, 'id'); if (id) set.add(id); });
      ids.set(page, set);
    }
    return ids.get(page)!;
  };
  const problems: string[] = [];
  const check = (from: string, ref: string) => {
    let path: string;
    if (ref.startsWith(siteUrl)) path = ref.slice(siteUrl.length) || '/';
    else if (ref.startsWith('/') && !ref.startsWith('//')) path = ref;
    else if (ref.startsWith('#')) path = `/${from.replace(/index\.html$/, '')}${ref}`;
    else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) return;
    else path = posix.join(`/${posix.dirname(from)}/`, ref);
    const [page = '/', hash] = path.split('#');
    if (!exists(page)) problems.push(`${from}: ${ref} does not exist`);
    else if (hash && page.endsWith('/') && !idsOf(page).has(decodeURIComponent(hash))) problems.push(`${from}: ${ref} has no element #${hash}`);
  };
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    if (file.endsWith('.html')) {
      walkElements(parse(text), (el) => {
        for (const name of ['href', 'src', 'poster']) {
          const v = getAttr(el, name);
          if (v && !(el.tagName === 'link' && /canonical|alternate/.test(getAttr(el, 'rel') ?? '') && v.startsWith(siteUrl) === false)) check(file, v);
        }
        for (const candidate of (getAttr(el, 'srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean)) check(file, candidate!);
      });
    } else if (/\.(xml|json)$/.test(file) && !file.startsWith('pagefind/')) {
      for (const m of text.matchAll(new RegExp(`${siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"'<>\\s&\\\\]*`, 'g'))) check(file, m[0]);
    }
  }
  return [...new Set(problems)];
}

/** Gzipped bytes of the JavaScript a page loads: its module scripts and every chunk they import, statically or dynamically. */
export function pageJsBytes(dist: string, page: string): number {
  const html = readFileSync(join(dist, page), 'utf8');
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    for (const m of code.matchAll(/(?:import\s*\(\s*|from\s*|import\s*)["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g)) {
      const target = m[1]!.startsWith('/') ? m[1]!.slice(1) : posix.join(posix.dirname(path), m[1]!);
      if (target.endsWith('.js') && existsSync(join(dist, target))) visit(target);
    }
  };
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/g)) visit(m[1]!);
  return [...seen].reduce((sum, p) => sum + gzipSync(readFileSync(join(dist, p)), { level: 9 }).length, 0);
}

/** Gzipped bytes of the CSS a page uses: linked stylesheets and inline <style>. */
export function pageCssBytes(dist: string, page: string): number {
  const html = readFileSync(join(dist, page), 'utf8');
  let css = '';
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)) css += readFileSync(join(dist, m[1]!), 'utf8');
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += m[1];
  return gzipSync(css, { level: 9 }).length;
}

export function gzipBytes(dist: string, file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}
