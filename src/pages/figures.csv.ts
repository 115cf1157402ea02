import type { APIRoute } from 'astro';
import { registry } from '../astro/figures-registry.ts';
import { figuresCsv } from '../lib/figures/publish.ts';

export const GET: APIRoute = () =>
  new Response(figuresCsv(registry), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
