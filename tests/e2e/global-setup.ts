import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runScript } from '../helpers/project.ts';

export const e2eDist = join(projectRoot, '.cache', 'e2e-dist');

/** One build for the browser tests. */
export default function setup(): void {
  rmSync(e2eDist, { recursive: true, force: true });
  const result = runScript('scripts/build.ts', ['--out', e2eDist, '--offline'], { env: { BUILD_DATE: '2026-11-24T12:00:00Z' } });
  if (result.status !== 0) throw new Error(`Site build failed:\n${result.stdout}\n${result.stderr}`);
}
