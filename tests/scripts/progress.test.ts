/**
 * scripts/lib/progress.ts: steps run as child processes; the build runs the
 * content check beside astro build and stops the build when the check fails.
 */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../scripts/lib/progress.ts';

function capture() {
  const lines: string[] = [];
  const out = { isTTY: false, columns: 0, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
  return { out, text: () => lines.join('') };
}
const node = process.execPath;
const opts = { cwd: process.cwd(), env: process.env };

describe('Progress', () => {
  it('stops a step when its signal aborts: the step ends at once and prints no line of its own', async () => {
    const { out, text } = capture();
    const progress = new Progress(out);
    const stop = new AbortController();
    const started = performance.now();
    const failing = progress
      .run('check', node, ['-e', 'console.log("bad.mdx:3: broken"); process.exit(1)'], { ...opts, quiet: true })
      .then((r) => {
        if (r.status !== 0) stop.abort();
        return r;
      });
    const long = progress.run('build', node, ['-e', 'setTimeout(() => {}, 20000)'], { ...opts, signal: stop.signal });
    const [check, build] = await Promise.all([failing, long]);
    expect(check.status).toBe(1);
    expect(build.status).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text()).toContain('bad.mdx:3: broken');
    expect(text()).toMatch(/✗ check /);
    expect(text()).not.toMatch(/ build /);
    expect(progress.steps.map((s) => s.name)).toEqual(['check']);
  });

  it('records steps that ran side by side in the order they finished, with their output', async () => {
    const { out, text } = capture();
    const progress = new Progress(out);
    await Promise.all([
      progress.run('slow', node, ['-e', 'setTimeout(() => console.log("slow done"), 300)'], opts),
      progress.run('fast', node, ['-e', 'console.log("fast done")'], { ...opts, quiet: true }),
    ]);
    expect(progress.steps.map((s) => s.name)).toEqual(['fast', 'slow']);
    expect(text().indexOf('fast done')).toBeLessThan(text().indexOf('slow done'));
    expect(text()).toMatch(/✓ fast [\d.]+ (ms|s)\n/);
  });
});
