import type { APIRoute } from 'astro';
import { hostHeadersFile } from '../lib/csp.ts';

/** /_headers: security headers for hosts that read them (a file name Astro would otherwise skip). */
export const getStaticPaths = () => [{ params: { hostfile: '_headers' } }];
export const GET: APIRoute = () => new Response(hostHeadersFile(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
