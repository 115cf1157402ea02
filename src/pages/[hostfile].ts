import type { APIRoute } from 'astro';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_ENTRIES, hostHeadersFile, siteEntry } from '../lib/hosting/host-headers.ts';
import { hostRedirectsFile } from '../lib/hosting/host-redirects.ts';
import { HOST_FILES } from '../lib/hosting/site-paths.ts';
import { ICON_SIZES } from '../lib/social/icon-sizes.ts';
import { signupForm } from '../lib/email/newsletter.ts';
import { site } from '../site.config.ts';
import { basePath } from '../lib/hosting/base-path.ts';

/** /_headers (security and caching headers) and /_redirects, for hosts that read them (names Astro would otherwise skip). */
export const getStaticPaths = () => HOST_FILES.map((hostfile) => ({ params: { hostfile } }));

/** The top-level entries of the built site, from src/pages/ and public/ (plus what is written after rendering). */
function topLevelEntries() {
  const from = (dir: string, kind: 'pages' | 'public') =>
    readdirSync(join(process.cwd(), dir), { withFileTypes: true }).map((e) => siteEntry(e.name, e.isDirectory(), kind));
  // Top-level routes with a parameter in the file name: their files, by name.
  const icons = ICON_SIZES.map((size) => ({ name: `icon-${size}.png`, dir: false }));
  return [...from('src/pages', 'pages'), ...from('public', 'public'), ...icons, ...GENERATED_ENTRIES].filter(
    (e) => e !== undefined,
  );
}

export const GET: APIRoute = ({ params }) =>
  new Response(
    params.hostfile === '_redirects'
      ? hostRedirectsFile(undefined, basePath(site.url))
      : hostHeadersFile(topLevelEntries(), signupForm(site.newsletter)?.cspSource, basePath(site.url)),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
