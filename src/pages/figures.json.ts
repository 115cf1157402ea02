import type { APIRoute } from 'astro';
import { registry } from '../astro/figures-registry.ts';
import { figuresJson } from '../lib/figures/publish.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(figuresJson(registry, site.url), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
