import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../helpers/project.ts';
import { workerFile } from '../../../src/lib/build/render-pool.ts';

/**
 * Run an ES module script in a child process with a pool of `workers` workers (0: drawn in its own
 * thread). From a file, not `-e`: workers inherit the process's options, and one started with
 * `--input-type` fails to load its own file.
 */
function runScript(script: string, workers = 1) {
  const file = join(mkdtempSync(join(tmpdir(), 'aif-pool-test-')), 'script.mjs');
  writeFileSync(file, script);
  return spawnSync(process.execPath, [file], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, AIF_RENDER_WORKERS: String(workers) },
    timeout: 60_000,
  });
}

/**
 * The image pool when a worker dies mid-job. Run in a child process: the pool
 * is shared by everything in its process, and this stops its workers.
 */
describe('the image pool', () => {
  it('finds the worker from the source tree and from a bundled chunk elsewhere (the build runs at the project root)', () => {
    const own = workerFile();
    expect(own && existsSync(own)).toBe(true);
    const bundled = workerFile(join(projectRoot, '.astro', 'chunks', 'pool.mjs'), projectRoot);
    expect(bundled).toBe(join(projectRoot, 'src', 'lib', 'build', 'render-worker.ts'));
    expect(existsSync(bundled!)).toBe(true);
  });

  it('fails the job a dead worker held, with the reason, instead of waiting for it; later jobs are still drawn', () => {
    const pool = pathToFileURL(join(projectRoot, 'src', 'lib', 'build', 'render-pool.ts')).href;
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
    const r = runScript(script);
    expect(r.status, r.stderr).toBe(0);
    const [lost, after] = r.stdout.trim().split('\n');
    expect(lost).toMatch(/^failed: an image worker stopped \(exit code \d+\)$/);
    expect(after).toBe('after: true');
  }, 70_000);

  it.each([
    ['a busy worker', 1],
    ['the pool without workers', 0],
  ])(
    "frees each image's pixels while %s draws the next: memory stays flat over 150 social cards sent at once",
    (_, workers) => {
      const pool = pathToFileURL(join(projectRoot, 'src', 'lib', 'build', 'render-pool.ts')).href;
      const script = `
      import { mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const { renderToFile } = await import(${JSON.stringify(pool)});
      const dir = mkdtempSync(join(tmpdir(), 'aif-pool-'));
      const card = (i) => ({ kind: 'social-card', card: { kicker: 'AI Frontier', title: 'Card ' + i, footer: 'x' } });
      // Warm up (the worker loads chart.js and the fonts), then measure.
      await renderToFile(card(0), join(dir, '0.png'));
      const base = process.memoryUsage().rss;
      let peak = base;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      await Promise.all(Array.from({ length: 150 }, (_, i) => renderToFile(card(i + 1), join(dir, i + 1 + '.png'))));
      // Read again before the event loop turns, when pixels still waiting to be freed are counted too.
      peak = Math.max(peak, process.memoryUsage().rss);
      clearInterval(sample);
      console.log(Math.round((peak - base) / 1e6));
    `;
      const r = runScript(script, workers);
      expect(r.status, r.stderr).toBe(0);
      // Each card's pixels are 3 MB (1200 × 630 × 4): kept until the queue drained, they came to 450 MB.
      expect(Number(r.stdout.trim())).toBeLessThan(200);
    },
    70_000,
  );
});
