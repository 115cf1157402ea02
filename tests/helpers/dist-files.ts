import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below a built site, as paths relative to it. */
export function distFiles(dist: string, dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? distFiles(dist, p) : [relative(dist, p)];
  });
}

/** Site pages (index.html files and 404.html), as URL paths; newsletter editions are files for mail, not pages. */
export function sitePages(dist: string): string[] {
  return distFiles(dist)
    .filter((f) => (f.endsWith('index.html') || f === '404.html') && !f.startsWith('newsletter/'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
}
