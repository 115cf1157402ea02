import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResolutions, RESOLUTIONS_FILE } from '../outcomes/tracking.ts';

/** Read the project's resolutions file (none yet: no resolutions, no errors). */
export function readResolutions(root: string): ReturnType<typeof parseResolutions> {
  const path = join(root, RESOLUTIONS_FILE);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (lastRead?.path === path && lastRead.text === text) return lastRead.result;
  const result = text === undefined ? { resolutions: new Map(), errors: [] } : parseResolutions(RESOLUTIONS_FILE, text);
  lastRead = { path, text, result };
  return result;
}
/** The last file read, parsed: every outcome table of a build reads the same file (an edit is read afresh). */
let lastRead: { path: string; text: string | undefined; result: ReturnType<typeof parseResolutions> } | undefined;
