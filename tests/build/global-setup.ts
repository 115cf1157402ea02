import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { runScript, testDist } from '../helpers/project.ts';

/**
 * A free port on 127.0.0.1 for the stand-in email service: the build's sign-up forms post there, and the
 * browser test (tests/e2e/reader.test.ts) reads the address back from the built form and listens on it.
 */
function freePort(): number {
  const probe =
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });";
  const port = Number(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(port) || port <= 0)
    throw new Error('Could not find a free port on 127.0.0.1 for the newsletter test service');
  return port;
}

/** Build the real site once; every build test reads the same output. */
export default function setup(): void {
  rmSync(testDist, { recursive: true, force: true });
  const env = {
    BUILD_DATE: '2026-11-24T12:00:00Z',
    NEWSLETTER_SERVICE: 'generic',
    // Keep every issue's newsletter edition in the output (a plain build publishes none).
    EMAIL_EDITIONS: 'all',
    NEWSLETTER_SIGNUP: `http://127.0.0.1:${freePort()}/subscribe`,
    SITE_CONTACT: 'letters@ai-frontier.example.com',
  };
  const result = runScript('scripts/build.ts', ['--out', testDist], { env });
  if (result.status !== 0) {
    throw new Error(`Site build failed:\n${result.stdout}\n${result.stderr}`);
  }
}
