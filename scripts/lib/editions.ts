/**
 * The newsletter editions in a build's output: their size checked against
 * Gmail's clipping limit (src/lib/email/size-guard.ts), and the folder they
 * live in, which a plain build does not publish (the article page is each
 * issue's web version; an edition's placeholders only work inside the email
 * service).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEditionSize, type EditionSize } from '../../src/lib/email/size-guard.ts';

/** Where a build writes the editions, inside its output folder. */
export const EDITIONS_DIR = 'newsletter';

/** How to let an edition past the stop, as the messages say it. */
export const ALLOW_LARGE = '--allow-large-edition (or ALLOW_LARGE_EDITION=1)';

/** The size verdict on every HTML edition in `dir`, by file name; only warnings and stops. */
export function oversizeEditions(dir: string): Array<EditionSize & { file: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({
      file,
      ...checkEditionSize(`newsletter/${file}`, readFileSync(join(dir, file), 'utf8'), ALLOW_LARGE),
    }))
    .filter((r) => r.verdict !== 'ok');
}
