import { csvCell } from './csv.ts';
import type { Registry } from './types.ts';

/**
 * The registry as published for readers and other tools: /figures.json and
 * /figures.csv. Internal fields (declaration file and line) stay out.
 */
export interface PublishedFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  scale: string;
  period: string | null;
  per: string | null;
  asOf: string;
  text: string;
  formula: string | null;
  source: { name: string; url: string; date: string; archived: string | null };
  note: string | null;
  reviewBy: string | null;
  revisions: Array<{ date: string; from: number; to: number; reason: string }>;
}

export function publishedFigures(registry: Registry): PublishedFigure[] {
  return Object.values(registry.figures)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((f) => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      scale: f.scale,
      period: f.period ?? null,
      per: f.per ?? null,
      asOf: f.asOf,
      text: f.text.long,
      formula: f.formula ?? null,
      source: { name: f.source.name, url: f.source.url, date: f.source.date, archived: f.source.archived ?? null },
      note: f.note ?? null,
      reviewBy: f.reviewBy ?? null,
      revisions: f.revisions,
    }));
}

export function figuresJson(registry: Registry, siteUrl: string): string {
  return JSON.stringify({ $schema: new URL('/figures.schema.json', siteUrl).href, version: 1, figures: publishedFigures(registry) }, null, 2) + '\n';
}

export const CSV_COLUMNS = ['id', 'label', 'value', 'unit', 'scale', 'period', 'per', 'asOf', 'text', 'formula', 'source_name', 'source_url', 'source_date', 'source_archived', 'note'] as const;

export function figuresCsv(registry: Registry): string {
  const rows = publishedFigures(registry).map((f) =>
    [f.id, f.label, f.value, f.unit, f.scale, f.period ?? '', f.per ?? '', f.asOf, f.text, f.formula ?? '', f.source.name, f.source.url, f.source.date, f.source.archived ?? '', f.note ?? ''].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/** JSON Schema (2020-12) for /figures.json. */
export const FIGURES_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'AI Frontier figures registry',
  type: 'object',
  required: ['version', 'figures'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1 },
    figures: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'value', 'unit', 'scale', 'period', 'per', 'asOf', 'text', 'formula', 'source', 'note', 'reviewBy', 'revisions'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$' },
          label: { type: 'string', minLength: 1 },
          value: { type: 'number' },
          unit: { enum: ['CNY', 'USD', 'EUR', 'tokens', 'percent', 'count', 'multiple'] },
          scale: { enum: ['one', 'thousand', 'million', 'billion', 'trillion'] },
          period: { enum: ['day', 'month', 'quarter', 'year', null] },
          per: { type: ['string', 'null'] },
          asOf: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
          text: { type: 'string' },
          formula: { type: ['string', 'null'] },
          source: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'url', 'date', 'archived'],
            properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' }, date: { type: 'string' }, archived: { type: ['string', 'null'] } },
          },
          note: { type: ['string', 'null'] },
          reviewBy: { type: ['string', 'null'] },
          revisions: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['date', 'from', 'to', 'reason'], properties: { date: { type: 'string' }, from: { type: 'number' }, to: { type: 'number' }, reason: { type: 'string' } } },
          },
        },
      },
    },
  },
} as const;
