/**
 * Quality gates over a built site. Each is a function from a dist-like folder
 * to a list of problems, one readable line each ("file:line: what"): the real
 * site must have none (tests/gates/site.test.ts; the HTML checker's run over every
 * test site is tests/gates/html.test.ts), and the deliberately broken fixture
 * must trip every one (tests/gates/broken-site.test.ts; the HTML checker's trips in html.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { javaForTests } from '../../scripts/lib/test-tools.ts';
import {
  attr,
  distFiles,
  elements,
  executableScripts,
  fragmentTargets,
  htmlFiles,
  isExecutableScript,
  isMailEdition,
  parseHtml,
  readPages,
  referencesIn,
  siteUrl,
  textOf,
  toSitePath,
  type PageInfo,
} from '../helpers/dist-files.ts';
import { isMergeTag } from '../../src/lib/email/presets.ts';

/**
 * Byte budgets, gzip level 9 (deterministic, and close to what hosts send).
 * Raising one is a decision about what readers download: say why in the commit.
 */
export const BUDGETS = {
  /**
   * JavaScript on a page without charts or search: only the site's one small script (theme toggle and
   * share, public/site.js, loaded in <head>), and no inline <script>.
   */
  plainPageJs: 1.5 * 1024,
  /**
   * JavaScript on a chart page: entry scripts plus every chunk they import, statically or dynamically (chart.js alone
   * is ~55 KB). 61 KB since the live chart builds its configs from the chart's data (config.ts: toChartConfig): 0.8 KB
   * more script, cached, for 0.9–1.1 KB less HTML on every chart page.
   */
  chartPageJs: 61 * 1024,
  /** CSS per page: linked stylesheets (and their @imports) plus inline <style>. */
  pageCss: 15 * 1024,
  /** HTML of every article page, so of the longest one. */
  articleHtml: 50 * 1024,
} as const;

export type Budgets = { readonly [K in keyof typeof BUDGETS]: number };

/** The only script a plain page may load (public/site.js). */
export const SITE_SCRIPT = 'site.js';

const gzip = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

// --- HTML validity -------------------------------------------------------------

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

export const vnuJar = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');

/**
 * What an email edition writes on purpose that the HTML standard does not know, each for a mail
 * client; the Nu Html Checker's message for it is accepted in editions only.
 */
export const EDITION_CONVENTIONS: Array<{ why: string; allows: (message: string) => boolean }> = [
  {
    why: 'the unsubscribe and preferences links are the email service’s merge tags, replaced per subscriber',
    allows: (m) =>
      /^Bad value “([^”]+)” for attribute “href”/.test(m) && isMergeTag(/^Bad value “([^”]+)”/.exec(m)![1]!),
  },
  {
    why: 'Outlook for Windows reads its 96-DPI <o:OfficeDocumentSettings> only with the VML and Office namespaces on <html>',
    allows: (m) => /^Attribute “xmlns:[vo]” not allowed here\.$/.test(m),
  },
  {
    why: 'Apple Mail keeps the layout as written (no text scaling) when told by <meta name="x-apple-disable-message-reformatting">',
    allows: (m) => m === 'Element “meta” is missing one or more of the following attributes: “content”, “property”.',
  },
];

/**
 * Nu Html Checker errors in every .html file below each folder given (mail editions included: they must be valid
 * too), one list per folder in the order given, each line `file:line:column: message — “extract”`. One JVM for all
 * of them: a start costs about as much as checking a whole site, so a run checks its sites at once
 * (tests/gates/html.test.ts). A message for no file of any folder (the checker could not read one) is every folder's.
 */
export function findInvalidHtmlIn(dirs: readonly string[]): string[][] {
  const roots = dirs.map((dir) => resolve(dir));
  const found = roots.map((): string[] => []);
  const checked = roots.filter((root) => htmlFiles(root).length > 0);
  if (checked.length === 0) return found;
  // The Java 17+ that `npm test` found before starting (JAVA or the PATH); a missing one throws the finder's message.
  const java = javaForTests();
  const result = spawnSync(
    java,
    [
      // One short run: the quick compiler alone (the optimising one would spend more CPU compiling than it saves,
      // about 4 CPU-s a run against 2), with the larger stack its frames need to walk the HTML schema, and the
      // single-threaded collector.
      '-XX:TieredStopAtLevel=1',
      '-Xss8m',
      '-XX:+UseSerialGC',
      '-jar',
      vnuJar(),
      '--format',
      'json',
      '--errors-only',
      '--skip-non-html',
      '--stdout',
      ...checked,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.error) throw new Error(`Could not run the Nu Html Checker with ${java}: ${result.error.message}`);
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(result.stdout) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(
      `The Nu Html Checker exited with ${result.status} without a JSON report:\n${result.stdout}\n${result.stderr}`,
    );
  }
  for (const m of messages) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    const path = (m.url ?? '').replace(/^file:/, '');
    const owner = roots.findIndex((root) => path.startsWith(`${root}/`));
    const file = owner < 0 ? path : path.slice(roots[owner]!.length + 1);
    if (isMailEdition(file) && EDITION_CONVENTIONS.some((c) => c.allows(m.message ?? ''))) continue;
    const where = m.lastLine
      ? `${file}:${m.firstLine ?? m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}`
      : file || '(checker)';
    const extract = m.extract ? ` — “${m.extract.replace(/\s+/g, ' ').trim()}”` : '';
    const line = `${where}: ${m.type === 'error' ? '' : `${m.type}: `}${m.message}${extract}`;
    for (const list of owner < 0 ? found : [found[owner]!]) list.push(line);
  }
  return found;
}

// --- Links -----------------------------------------------------------------------

/** Text files other than HTML that carry the site's absolute URLs: feeds, sitemaps, JSON data, robots.txt, plain-text mail. */
const URL_CARRIERS = /\.(xml|json|txt|csv|webmanifest)$/;

const decodeXmlEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  );

function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

/** Absolute URLs on the site's origin inside free text (trailing sentence punctuation dropped). */
function siteUrlsIn(text: string, site: string): string[] {
  // Every URL on the site's origin: one outside the site's path (a project site's /repo/) is a dead link too.
  site = new URL(site).origin;
  const pattern = new RegExp(`${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#"'<>\\s]|$)[^\\s"'<>\\\\]*`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[0].replace(/[.,;:!?)\]]+$/, ''));
}

/**
 * Internal references that resolve to nothing: href/src/srcset/poster/… in every page (mail editions too),
 * absolute site URLs in pages (meta, JSON-LD) and in feeds, sitemaps, JSON and text files, url() and
 * @import in stylesheets.
 * With `trailingSlash: 'always'` a folder must be linked with its slash and a file without one;
 * a fragment must name an element id on the target page.
 */
export function findDeadLinks(dist: string, site = siteUrl()): string[] {
  const files = distFiles(dist);
  const fileSet = new Set(files);
  const folders = new Set(
    files.flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const targets = new Map<string, Set<string>>();
  const targetsOf = (file: string) => {
    if (!targets.has(file)) targets.set(file, fragmentTargets(parseHtml(readFileSync(join(dist, file), 'utf8'))));
    return targets.get(file)!;
  };
  const problems = new Set<string>();
  const check = (from: string, ref: string, where: string) => {
    if (isMailEdition(from) && isMergeTag(ref)) return; // filled in per subscriber by the email service
    const resolved = toSitePath(ref, from, site);
    if (resolved === null) return;
    const [beforeHash = '', ...hashParts] = resolved.split('#');
    const hash = hashParts.join('#');
    let path: string;
    try {
      path = decodeURIComponent(beforeHash.split('?')[0]!);
    } catch {
      problems.add(`${from}: ${where} ${ref} is not a valid URL`);
      return;
    }
    const rel = path.replace(/^\/+/, '');
    let file: string;
    if (path.endsWith('/')) {
      file = `${rel}index.html`;
      if (!fileSet.has(file)) {
        problems.add(
          `${from}: ${where} ${ref} → ${fileSet.has(rel.slice(0, -1)) ? `is a file; link it without the trailing slash` : `does not exist (no ${file})`}`,
        );
        return;
      }
    } else {
      file = rel;
      if (!fileSet.has(file)) {
        problems.add(
          `${from}: ${where} ${ref} → ${folders.has(rel) && fileSet.has(`${rel}/index.html`) ? `is a folder; with trailingSlash 'always' link it as ${path}/` : 'does not exist'}`,
        );
        return;
      }
    }
    // '#' and '#top' scroll to the top without any element (HTML spec); text fragments are not ids.
    if (!hash || hash.toLowerCase() === 'top' || hash.startsWith(':~:') || !file.endsWith('.html')) return;
    let id = hash;
    try {
      id = decodeURIComponent(hash);
    } catch {
      /* keep it raw */
    }
    if (!targetsOf(file).has(id)) problems.add(`${from}: ${where} ${ref} → ${file} has no element with id “${id}”`);
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      const text = readFileSync(join(dist, file), 'utf8');
      const doc = parseHtml(text);
      for (const ref of referencesIn(doc)) check(file, ref.url, ref.where);
      // Absolute site URLs outside URL attributes: og:image, JSON-LD, …
      for (const el of elements(doc)) {
        if (el.tagName === 'meta')
          for (const url of siteUrlsIn(attr(el, 'content') ?? '', site)) check(file, url, 'meta[content]');
        if (el.tagName === 'script' && !isExecutableScript(el))
          for (const url of siteUrlsIn(textOf(el), site)) check(file, url, 'script data');
      }
    } else if (file.endsWith('.css')) {
      // Fonts, images and @imports a stylesheet pulls in, relative to the stylesheet itself.
      const css = readFileSync(join(dist, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const m of css.matchAll(/url\(\s*(["']?)([^"')]+?)\1\s*\)|@import\s+(["'])([^"']+)\3/g)) {
        const ref = (m[2] ?? m[4] ?? '').trim();
        if (ref && !ref.startsWith('#') && !ref.startsWith('data:'))
          check(file, ref, m[2] !== undefined ? 'url()' : '@import');
      }
    } else if (URL_CARRIERS.test(file)) {
      const text = readFileSync(join(dist, file), 'utf8');
      let strings: string[];
      if (file.endsWith('.json') || file.endsWith('.webmanifest')) {
        try {
          strings = jsonStrings(JSON.parse(text));
        } catch {
          problems.add(`${file}: is not valid JSON`);
          continue;
        }
      } else strings = [file.endsWith('.xml') ? decodeXmlEntities(text) : text];
      for (const s of strings) for (const url of siteUrlsIn(s, site)) check(file, url, 'URL');
    }
  }
  return [...problems];
}

// --- Byte budgets ---------------------------------------------------------------------

export interface PageWeight {
  file: string;
  kind: 'chart' | 'search' | 'plain';
  /** Executable <script> elements on the page (external and inline). */
  scripts: number;
  /** gzip bytes: JS the page loads (entry scripts, modulepreloads, their import graph, inline scripts). */
  js: number;
  /** The JS files counted, relative to dist. */
  jsFiles: string[];
  /** gzip bytes: CSS (linked stylesheets with their @imports, inline <style>). */
  css: number;
  /** gzip bytes of the page itself. */
  html: number;
}

/** Follow static imports, re-exports and dynamic import() of emitted modules (Vite writes them as "./x.js", '/x.js' or `./x.js`). */
export function jsGraph(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const specifiers =
      /(?:\bimport\s*\(\s*|\bimport\s*|\bfrom\s*|\bexport\s*\*\s*from\s*)(["'`])((?:\.{1,2})?\/[^"'`\s]+?\.m?js)\1/g;
    for (const m of code.matchAll(specifiers)) {
      const spec = m[2]!;
      visit(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  };
  for (const e of entries) visit(e);
  return [...seen];
}

/** CSS files a stylesheet pulls in with @import. */
function cssGraph(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    const css = readFileSync(join(dist, file), 'utf8');
    for (const m of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)) {
      const spec = m[1]!;
      if (/^[a-z]+:|^\/\//i.test(spec)) continue;
      visit(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  };
  for (const e of entries) visit(e);
  return [...seen];
}

const localFile = (ref: string, from: string, site: string): string | null => {
  const path = toSitePath(ref, from, site);
  return path === null ? null : path.split(/[?#]/)[0]!.replace(/^\//, '');
};

/** What one page costs to download, by kind. */
export function pageWeight(dist: string, page: PageInfo, site = siteUrl()): PageWeight {
  const scripts = executableScripts(page.doc);
  const entries: string[] = [];
  let inlineJs = '';
  for (const s of scripts) {
    const src = attr(s, 'src');
    if (src) {
      const f = localFile(src, page.file, site);
      if (f) entries.push(f);
    } else inlineJs += textOf(s);
  }
  const links = elements(page.doc).filter((el) => el.tagName === 'link');
  for (const l of links) {
    if (/\bmodulepreload\b/.test(attr(l, 'rel') ?? '') && attr(l, 'href')) {
      const f = localFile(attr(l, 'href')!, page.file, site);
      if (f) entries.push(f);
    }
  }
  const jsFiles = jsGraph(dist, entries);
  const sheets = links
    .filter((l) => /\bstylesheet\b/.test(attr(l, 'rel') ?? '') && attr(l, 'href'))
    .map((l) => localFile(attr(l, 'href')!, page.file, site))
    .filter((f): f is string => f !== null);
  const inlineCss = elements(page.doc)
    .filter((el) => el.tagName === 'style')
    .map(textOf)
    .join('\n');
  return {
    file: page.file,
    kind: page.chart ? 'chart' : page.search ? 'search' : 'plain',
    scripts: scripts.length,
    js: jsFiles.reduce((sum, f) => sum + gzip(readFileSync(join(dist, f))), 0) + (inlineJs ? gzip(inlineJs) : 0),
    jsFiles,
    css:
      cssGraph(dist, sheets).reduce((sum, f) => sum + gzip(readFileSync(join(dist, f))), 0) +
      (inlineCss ? gzip(inlineCss) : 0),
    html: gzip(readFileSync(join(dist, page.file))),
  };
}

export function pageWeights(dist: string): PageWeight[] {
  return readPages(dist).map((p) => pageWeight(dist, p));
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Pages over budget. Articles are the pages under articles/. Search pages have no JS budget (Pagefind loads on demand). */
export function findBudgetProblems(dist: string, budgets: Budgets = BUDGETS, weights = pageWeights(dist)): string[] {
  const problems: string[] = [];
  for (const w of weights) {
    const onlySiteScript = w.scripts === w.jsFiles.length && w.jsFiles.every((f) => f === SITE_SCRIPT);
    if (w.kind === 'plain' && (!onlySiteScript || w.js > budgets.plainPageJs))
      problems.push(
        `${w.file}: ${w.scripts} script element(s), ${kb(w.js)} gzip JS on a page without charts or search (budget ${kb(budgets.plainPageJs)}, only /${SITE_SCRIPT})`,
      );
    if (w.kind === 'chart' && w.js > budgets.chartPageJs)
      problems.push(
        `${w.file}: ${kb(w.js)} gzip JS on a chart page (budget ${kb(budgets.chartPageJs)}): ${w.jsFiles.join(', ')}`,
      );
    if (w.css > budgets.pageCss) problems.push(`${w.file}: ${kb(w.css)} gzip CSS (budget ${kb(budgets.pageCss)})`);
    if (w.file.startsWith('articles/') && w.html > budgets.articleHtml)
      problems.push(`${w.file}: ${kb(w.html)} gzip HTML (budget ${kb(budgets.articleHtml)} for an article)`);
  }
  return problems;
}

/** A one-line-per-page weight table for the test log. */
export function formatWeights(weights: PageWeight[]): string {
  const rows = weights.map(
    (w) =>
      `${w.file.padEnd(60)} ${w.kind.padEnd(6)} js ${kb(w.js).padStart(9)}  css ${kb(w.css).padStart(8)}  html ${kb(w.html).padStart(8)}`,
  );
  return ['page weights, gzip -9:', ...rows].join('\n');
}
