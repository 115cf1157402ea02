/**
 * Golden files for one edition (the issue with footnotes, a doughnut legend, a
 * comparison table and an outcome table): any change to the HTML or text part
 * shows up as a diff to review. Chart file names carry a hash of the chart and
 * of the renderer's version, so they are written as chart-HASH here: a new
 * renderer is not a change to the edition. After an intended change, rewrite them with
 *   UPDATE_GOLDEN=1 npm run test:build -- tests/build/email-golden.test.ts
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDist } from '../helpers/project.ts';

const SLUG = 'tokens-versus-revenue';
const golden = (ext: string) => join(import.meta.dirname, 'golden', `${SLUG}.${ext}`);

describe.each(['html', 'txt'])(`the ${SLUG} edition (.%s)`, (ext) => {
  it('matches its golden file', () => {
    const built = readDist(`newsletter/${SLUG}.${ext}`).replace(/chart-[0-9a-f]{16}/g, 'chart-HASH');
    if (process.env.UPDATE_GOLDEN || !existsSync(golden(ext))) writeFileSync(golden(ext), built);
    expect(built).toBe(readFileSync(golden(ext), 'utf8'));
  });
});
