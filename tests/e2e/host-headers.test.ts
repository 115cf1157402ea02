/**
 * The site served with its own `_headers` (as Netlify and Cloudflare Pages serve it), in Chromium:
 * search works, its worker compiling WebAssembly under the header's policy, and every other page
 * may not compile WebAssembly at all ('wasm-unsafe-eval' only where search runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { testDist } from '../helpers/project.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist(testDist, { hostHeaders: true })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** Whether the page may compile a minimal WebAssembly module. */
const wasmAllowed = (page: import('playwright-core').Page) =>
  page.evaluate(async () => {
    try {
      await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return true;
    } catch {
      return false;
    }
  });

describe('the site under its own host headers', () => {
  it('searches (Pagefind and its worker run WebAssembly) with no policy violation', async () => {
    const response = await fetch(`${server.url}/search/`);
    expect(response.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    const { page, problems } = await openPage(browser, `${server.url}/search/?q=bytedance`);
    await page.waitForSelector('[data-search-results] li', { timeout: 15_000 });
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(await wasmAllowed(page)).toBe(true);
    expect(problems.console.filter((m) => /Content Security Policy|WebAssembly/i.test(m))).toEqual([]);
    await page.close();
  });

  it('lets no other page compile WebAssembly', async () => {
    for (const path of ['/', '/about/', '/articles/bytedance-200-billion-ai-bet/']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).not.toContain('wasm');
      const { page } = await openPage(browser, `${server.url}${path}`);
      expect(await wasmAllowed(page), path).toBe(false);
      await page.close();
    }
  });
});
