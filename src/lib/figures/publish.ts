import { toCsv } from './csv.ts';
import type { PublishedFigure } from './schema.ts';
import type { Registry } from './types.ts';
import { siteUrlOf } from '../hosting/base-path.ts';

/**
 * The registry as published for readers and other tools: /figures.json and
 * /figures.csv (shape: `publishedFigureSchema`). Internal fields (declaration file and line) stay out.
 */
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
      source: {
        name: f.source.name,
        url: f.source.url ?? null,
        date: f.source.date,
        archived: f.source.archived ?? null,
      },
      note: f.note ?? null,
      reviewBy: f.reviewBy ?? null,
      revisions: f.revisions,
    }));
}

export function figuresJson(registry: Registry, siteUrl: string): string {
  return (
    JSON.stringify(
      { $schema: siteUrlOf('/figures.schema.json', siteUrl), version: 1, figures: publishedFigures(registry) },
      null,
      2,
    ) + '\n'
  );
}

export const CSV_COLUMNS = [
  'id',
  'label',
  'value',
  'unit',
  'scale',
  'period',
  'per',
  'asOf',
  'text',
  'formula',
  'source_name',
  'source_url',
  'source_date',
  'source_archived',
  'note',
] as const;

export function figuresCsv(registry: Registry): string {
  const rows = publishedFigures(registry).map((f) => [
    f.id,
    f.label,
    f.value,
    f.unit,
    f.scale,
    f.period ?? '',
    f.per ?? '',
    f.asOf,
    f.text,
    f.formula ?? '',
    f.source.name,
    f.source.url ?? '',
    f.source.date,
    f.source.archived ?? '',
    f.note ?? '',
  ]);
  return toCsv([[...CSV_COLUMNS], ...rows]);
}
