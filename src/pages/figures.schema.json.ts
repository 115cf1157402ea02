import type { APIRoute } from 'astro';
import { figuresJsonSchema } from '../lib/figures/schema.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(figuresJsonSchema(), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
