/**
 * `npm run dev` serves what the build publishes through the chart-assets
 * integration rather than through routes: an article's social card (drawn
 * when the page names it) and its chart images, from the build cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { copyProject } from '../helpers/project.ts';

const PORT = 44000 + (process.pid % 1000);
const base = `http://127.0.0.1:${PORT}`;
let child: ChildProcess;
let log = '';

beforeAll(async () => {
  const dir = copyProject();
  child = spawn(process.execPath, [join(dir, 'scripts', 'dev.ts'), '--port', String(PORT)], {
    cwd: dir,
    // As `npm run dev` runs it: with Vitest's VITEST variable set, Astro's dev server serves no routes.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready in|Local\s+http/i.test(log)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev server exited (${code}):\n${log.slice(-2000)}`)));
  });
}, 120_000);

afterAll(() => {
  child?.removeAllListeners('exit');
  child?.kill('SIGTERM');
});

describe('the dev server', () => {
  it("serves an article's social card and chart images from the build cache", async () => {
    const page = await fetch(`${base}/articles/bytedance-200-billion-ai-bet/`);
    const html = await page.text();
    expect(page.status, html.slice(0, 1500)).toBe(200);
    const card = new URL(/<meta property="og:image" content="([^"]+)"/.exec(html)![1]!).pathname;
    expect(card).toMatch(/^\/og\/bytedance-200-billion-ai-bet\.[0-9a-f]{16}\.png$/);
    const png = await fetch(`${base}${card}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');

    // The page names the file with a view (#wide, #narrow); the server is asked for the file.
    const chart = /<img src="(\/charts\/chart-[0-9a-f]{16}\.svg)(?:#[a-z]+)?"/.exec(html)![1]!;
    const svg = await fetch(`${base}${chart}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg /);

    // A card no page has named is not there.
    expect((await fetch(`${base}/og/bytedance-200-billion-ai-bet.0000000000000000.png`)).status).toBe(404);
  }, 60_000);
});
