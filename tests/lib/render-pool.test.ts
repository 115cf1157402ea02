import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../helpers/project.ts';

/**
 * The image pool when a worker dies mid-job. Run in a child process: the pool
 * is shared by everything in its process, and this stops its workers.
 */
describe('the image pool', () => {
  it('fails the job a dead worker held, with the reason, instead of waiting for it; later jobs are still drawn', () => {
    const pool = pathToFileURL(join(projectRoot, 'src', 'lib', 'render-pool.ts')).href;
    const script = `
      import { existsSync, mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const { renderToFile, stopWorkers } = await import(${JSON.stringify(pool)});
      const dir = mkdtempSync(join(tmpdir(), 'aif-pool-'));
      const card = (title) => ({ kind: 'social-card', card: { kicker: 'AI Frontier', title, footer: 'x' } });
      const lost = renderToFile(card('Lost'), join(dir, 'lost.png')).then(() => 'drawn', (e) => 'failed: ' + e.message);
      await stopWorkers();
      console.log(await lost);
      await renderToFile(card('After'), join(dir, 'after.png'));
      console.log('after: ' + existsSync(join(dir, 'after.png')));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, AIF_RENDER_WORKERS: '1' },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const [lost, after] = r.stdout.trim().split('\n');
    expect(lost).toMatch(/^failed: an image worker stopped \(exit code \d+\)$/);
    expect(after).toBe('after: true');
  }, 70_000);
});
