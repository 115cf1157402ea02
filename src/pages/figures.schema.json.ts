import type { APIRoute } from 'astro';
import { FIGURES_SCHEMA } from '../lib/figures/publish.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(FIGURES_SCHEMA, null, 2) + '\n', { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
