/**
 * The pages the browser tests visit, discovered by walking the e2e build: every .html file except
 * the mail editions (newsletter/*.html are for mail clients and use absolute URLs to the live site;
 * the Nu Html Checker and the link gate cover them). New page types are checked as soon as they exist.
 */
import { readPages, type PageInfo } from '../helpers/dist-files.ts';
import { e2eDist } from './global-setup.ts';

export { e2eDist };

export const site: Array<Omit<PageInfo, 'doc'>> = readPages(e2eDist).map(({ doc: _doc, ...info }) => info);

export const chartPages = site.filter((p) => p.chart).map((p) => p.path);
export const searchPages = site.filter((p) => p.search).map((p) => p.path);
/** Pages that must load no JavaScript at all. */
export const plainPages = site.filter((p) => !p.chart && !p.search).map((p) => p.path);
