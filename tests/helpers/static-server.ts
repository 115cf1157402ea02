/**
 * A static host for a built site, in-process on 127.0.0.1 at a random port:
 * what the browser tests (and the benchmark's Lighthouse runs, through
 * scripts/lib/serve-dir.ts) load pages from. It behaves like the hosts the
 * site is deployed to with `trailingSlash: 'always'`:
 *
 * - `/dir/` serves `dir/index.html`; `/dir` redirects (301) to `/dir/`;
 * - a missing file is redirected by a matching rule of `_redirects`, if the site has one, as Netlify
 *   and Cloudflare Pages do; otherwise it serves `404.html` with status 404;
 * - GET and HEAD only; nothing outside the served folder;
 * - with `hostHeaders`, the headers of every `_headers` rule whose path matches, a header named twice
 *   joined with ", ", as Netlify and Cloudflare Pages apply them;
 * - with `base` ("/repo/"), the folder is served under that path, as GitHub Pages serves a project site:
 *   /repo/x serves x, and everything outside /repo/ is a 404 (the site's 404 page).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseRedirectsFile, redirectFor } from '../../src/lib/hosting/host-redirects.ts';
import { parseHeadersFile, pathMatches } from '../../src/lib/hosting/host-headers.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  // Pagefind's index files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  close: () => Promise<void>;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Serve a built site on 127.0.0.1 (random port) as a static host would: directory index, trailing-slash redirect, 404 page. */
export async function serveDist(
  dir: string,
  opts: { hostHeaders?: boolean; base?: string } = {},
): Promise<StaticServer> {
  const base = opts.base ?? '/';
  const root = resolve(dir);
  const redirectsFile = join(root, '_redirects');
  const redirects = existsSync(redirectsFile) ? parseRedirectsFile(readFileSync(redirectsFile, 'utf8')) : [];
  const headersFile = join(root, '_headers');
  const headerRules =
    opts.hostHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  /** The `_headers` headers for a request path: every matching rule's, repeated names joined. */
  const hostHeaders = (path: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const rule of headerRules)
      if (pathMatches(rule.path, path)) for (const [k, v] of rule.headers) out[k] = out[k] ? `${out[k]}, ${v}` : v;
    return out;
  };
  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, stats: Stats) => {
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': stats.size,
      'Cache-Control': 'no-cache',
      ...hostHeaders(new URL(req.url ?? '/', 'http://localhost').pathname),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const notFound = () => {
      const page = join(root, '404.html');
      const pageStats = statOrNull(page);
      if (pageStats?.isFile()) send(req, res, 404, page, pageStats);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    };
    if (base !== '/') {
      if (`${path}/` === base) {
        res.writeHead(301, { Location: `${base}${url.search}` }).end();
        return;
      }
      if (!path.startsWith(base)) return notFound();
      path = path.slice(base.length - 1);
    }
    let file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let stats = statOrNull(file);
    if (stats?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
      stats = statOrNull(file);
    } else if (stats && url.pathname.endsWith('/')) {
      stats = null; // a file asked for as a folder: /feed.xml/
    }
    if (stats?.isFile()) {
      send(req, res, 200, file, stats);
      return;
    }
    const redirect = redirectFor(redirects, url.pathname);
    if (redirect) {
      res.writeHead(redirect.status, { Location: `${redirect.location}${url.search}` }).end();
      return;
    }
    notFound();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
