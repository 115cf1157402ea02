import { rmSync } from 'node:fs';
import { runScript, testDist } from '../helpers/project.ts';

/** Build the real site once; every build test reads the same output. */
export default function setup(): void {
  rmSync(testDist, { recursive: true, force: true });
  const result = runScript('scripts/build.ts', ['--out', testDist], { env: { BUILD_DATE: '2026-11-24T12:00:00Z' } });
  if (result.status !== 0) {
    throw new Error(`Site build failed:\n${result.stdout}\n${result.stderr}`);
  }
}
