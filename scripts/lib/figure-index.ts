import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureIndex } from '../../src/lib/lint/context.ts';

/**
 * The figures registry as the linter needs it, read from the generated data
 * (src/data/figures.json, written by `npm run figures`). Undefined until the
 * registry has been pulled once.
 */
export function loadFigureIndex(root: string): FigureIndex | undefined {
  const path = join(root, 'src', 'data', 'figures.json');
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return toFigureIndex(data);
}

/** Adapter from the generated registry's shape; kept in one place so the linter never reads the file format directly. */
export function toFigureIndex(data: unknown): FigureIndex | undefined {
  void data;
  return undefined;
}
