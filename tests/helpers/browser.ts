/**
 * Browser checks in the Chromium that `npm test` found before starting
 * (scripts/lib/test-tools.ts: CHROMIUM_PATH, the system's Chromium or Chrome,
 * or Playwright's cache; playwright-core drives it, no browser is ever downloaded). Each check returns problems as readable lines, so the
 * same function gates the real site and is shown to trip on the broken
 * fixture (tests/e2e/broken-site.test.ts).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromiumForTests } from '../../scripts/lib/test-tools.ts';

const require = createRequire(import.meta.url);

export const chromiumPath = (): string => chromiumForTests();

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Text unhinted, as macOS, iOS and Android draw it: widths are the font's own. The headless shell's default
  // hinting changes glyph advances (a bold run measured 1.4 % off its width in Chromium's full browser).
  '--font-render-hinting=none',
];

/** The Chromium of this test process, started on first use (see `launchChromium`). */
let shared: Promise<Browser> | undefined;

/**
 * That Chromium, headless; never a downloaded browser. One per test process, started by the first test file
 * that asks and kept for the files the process runs after it (the browser tests share their processes:
 * tests/vitest.config.ts, isolate: false), together with the pages they hand back (`openPage`). Driven through
 * its own pipe rather than through a browser server in another process, which relayed every call and every
 * answer once more. A file's `close()` leaves it running for the next file; it stops with the process (its
 * pipe closes). Each test still works in a context of its own (cookies, storage, cache).
 */
export function launchChromium(): Promise<Browser> {
  shared ??= chromium
    .launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
    .then((browser) => {
      browser.close = async () => {};
      return browser;
    });
  return shared;
}

export type ColorScheme = 'light' | 'dark';

export interface PageOptions {
  /** Viewport width in CSS px (375 for a phone, 1280 for a laptop); default 1280. */
  width?: number;
  height?: number;
  colorScheme?: ColorScheme;
  javaScriptEnabled?: boolean;
  /** HTTP status the page itself is expected to have (404 for the not-found page); default 200. */
  expectStatus?: number;
  /**
   * A new page in a new context rather than one an earlier test handed back: for a check that a page which
   * showed the same document before could pass or fail for that reason alone (Chromium keeps the image a
   * `<picture>` picked at one width for the next load of that document at another).
   */
  fresh?: boolean;
}

export interface PageProblems {
  /** Console errors and warnings, uncaught exceptions. */
  console: string[];
  /** Requests that failed, or answered with status >= 400 (other than the expected status of the page itself). */
  failed: string[];
  /** Requests to any origin other than the page's own: the site loads nothing from elsewhere. */
  offsite: string[];
  /** Every script resource fetched (entry modules and chunks). */
  scripts: string[];
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
  /** Resolve once no request has been in flight for `quietMs` (a short, explicit networkidle). */
  settle: (quietMs?: number, timeoutMs?: number) => Promise<void>;
}

/**
 * Pages handed back by `page.close()` (see `openPage`), per browser and JavaScript setting. A new page costs
 * Chromium about four times what loading a page into an open one does (a page target, its renderer, the
 * DevTools session), and the browser tests load several hundred pages.
 */
const idlePages = new WeakMap<Browser, Map<boolean, Page[]>>();

/** A page alone in its context, fresh or handed back by an earlier test; `close()` hands it back again. */
async function pooledPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  if (!idlePages.has(browser))
    idlePages.set(
      browser,
      new Map([
        [true, []],
        [false, []],
      ]),
    );
  const idle = idlePages.get(browser)!.get(javaScriptEnabled)!;
  const reused = idle.pop();
  if (reused) return reused;
  const page = await pageInNewContext(browser, javaScriptEnabled);
  const context = page.context();
  page.close = async () => {
    // Back to a blank state before another test gets it: no listeners, routes, storage, cookies or permissions.
    // A page that cannot be reset (closed, crashed, or on a page without storage) is not reused.
    try {
      page.removeAllListeners();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
      await page.goto('about:blank');
      await context.clearCookies();
      await context.clearPermissions();
      idle.push(page);
    } catch {
      await context.close().catch(() => {});
    }
  };
  return page;
}

/** A page alone in a new context; `close()` closes the context. */
async function pageInNewContext(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  page.close = () => context.close();
  return page;
}

/**
 * Open a page and record console errors, page errors, failed and off-site requests and every script it loads.
 * The page is alone in its browser context; `page.close()` hands it back, blank, for the next test to load
 * its own page into.
 */
export async function openPage(browser: Browser, url: string, opts: PageOptions = {}): Promise<OpenedPage> {
  const page = opts.fresh
    ? await pageInNewContext(browser, opts.javaScriptEnabled ?? true)
    : await pooledPage(browser, opts.javaScriptEnabled ?? true);
  await page.setViewportSize({ width: opts.width ?? 1280, height: opts.height ?? 900 });
  await page.emulateMedia({
    colorScheme: opts.colorScheme ?? 'light',
    media: null,
    reducedMotion: null,
    forcedColors: null,
  });
  const origin = new URL(url).origin;
  const problems: PageProblems = { console: [], failed: [], offsite: [], scripts: [] };
  const badStatus = new Set<string>();
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('console', (m) => {
    // Chromium logs the page's own expected error status (the 404 page) as a failed resource; requests are judged below.
    if (
      opts.expectStatus &&
      opts.expectStatus >= 400 &&
      m.text().includes(`status of ${opts.expectStatus}`) &&
      m.location().url === page.url()
    )
      return;
    if (m.type() === 'error' || m.type() === 'warning')
      problems.console.push(
        `${m.type()}: ${m.text()}${m.location().url ? ` (${m.location().url}:${m.location().lineNumber})` : ''}`,
      );
  });
  page.on('pageerror', (e) => problems.console.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    change(+1);
    const u = r.url();
    if (!/^(data|blob|about):/.test(u) && new URL(u).origin !== origin)
      problems.offsite.push(`${r.resourceType()} ${u}`);
    if (r.resourceType() === 'script') problems.scripts.push(u);
  });
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', (r) => {
    change(-1);
    const text = r.failure()?.errorText ?? 'failed';
    // Already reported with its HTTP status (Chromium then aborts, e.g., a script served as a text/html 404 page);
    // a navigation cut short by the next one is not a broken resource.
    if (badStatus.has(r.url()) || (r.isNavigationRequest() && text === 'net::ERR_ABORTED')) return;
    problems.failed.push(`${r.url()} (${text})`);
  });
  page.on('response', (r) => {
    const status = r.status();
    const isPage = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
    if (isPage && status >= 300 && status < 400) return; // a redirect on the way to the page
    const expected = isPage ? (opts.expectStatus ?? 200) : undefined;
    if (expected !== undefined ? status === expected : status < 400) return;
    badStatus.add(r.url());
    problems.failed.push(`${r.url()} (HTTP ${status}${expected !== undefined ? `, expected ${expected}` : ''})`);
  });
  const settle = async (quietMs = 150, timeoutMs = 15_000) => {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      if (inFlight <= 0 && Date.now() - lastChange >= quietMs) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${url}: requests still in flight after ${timeoutMs} ms`);
  };
  await page.goto(url, { waitUntil: 'load' });
  await settle();
  return { page, problems, settle };
}

/** Scroll through the whole page a viewport at a time, so lazy images and charts near the viewport load. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += Math.max(200, innerHeight - 100)) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  });
}

/** How many CSS px the document is wider than the viewport (> 0 means horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The widest elements sticking out past the viewport's right edge, for a readable failure. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest('[aria-hidden="true"]'))
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 0.5)
      .slice(0, 5)
      .map((el) => `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
  });
}

/**
 * The faces ("400 normal", "700 italic") of `family` that draw text on the first screen (the viewport as
 * loaded, before any scrolling), read from each text run's computed style: which faces the page needs before
 * anything else, whichever have arrived yet.
 */
export function firstScreenFaces(page: Page, family: string): Promise<string[]> {
  return page.evaluate((family) => {
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const style = getComputedStyle(n.parentElement!);
      if (!n.textContent?.trim() || !style.fontFamily.startsWith(`"${family}"`)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.top < innerHeight)
        out.add(`${Number(style.fontWeight) >= 600 ? 700 : 400} ${style.fontStyle}`);
    }
    return [...out].sort();
  }, family);
}

// --- axe-core ---------------------------------------------------------------------

/** WCAG 2.0–2.2 A and AA (2.2 AA brings target-size: controls of at least 24×24 px) and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations of the AXE_TAGS rules. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's CSP (rightly) does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type Result = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        helpUrl: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
}

export function formatViolation(v: AxeViolation): string {
  const more = v.targets.length > 5 ? ` (+${v.targets.length - 5} more)` : '';
  return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.targets.slice(0, 5).join(', ')}${more} — ${v.helpUrl}`;
}

/** axe-core violations as readable lines: rule id, impact, help, target selectors. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await runAxe(page)).map(formatViolation);
}

// --- A whole-page audit -------------------------------------------------------------

export interface PageAudit extends PageProblems {
  /** axe-core violations, readable. */
  axe: string[];
  /** Executable <script> elements in the live DOM (data blocks such as JSON-LD do not count). */
  scriptElements: string[];
  /** Horizontal overflow in px per viewport width checked, with the culprits. */
  overflow: string[];
  /** Skip-link problems (when asked for). */
  skipLink: string[];
  /** The faces of `firstScreenFamily` on the first screen as loaded (when asked for): firstScreenFaces. */
  firstScreenFaces: string[];
}

export interface AuditOptions extends PageOptions {
  /** Also resize to these widths and check for horizontal overflow (the load width is always checked). */
  overflowWidths?: number[];
  /** Right after load, check the skip link with the keyboard (skipLinkProblems). */
  skipLink?: boolean;
  /** Run axe-core (default true). */
  axe?: boolean;
  /** Right after load, before anything scrolls, read which faces of this font family the first screen draws. */
  firstScreenFamily?: string;
}

/**
 * Load a page, scroll through it so everything lazy loads, wait for the network to settle, and report
 * console errors, failed and off-site requests, scripts, axe violations and horizontal overflow.
 */
export async function auditPage(browser: Browser, url: string, opts: AuditOptions = {}): Promise<PageAudit> {
  const { page, problems, settle } = await openPage(browser, url, opts);
  try {
    const faces = opts.firstScreenFamily ? await firstScreenFaces(page, opts.firstScreenFamily) : [];
    const skipLink = opts.skipLink ? await skipLinkProblems(page) : [];
    await scrollThrough(page);
    await settle();
    await page.evaluate(() => scrollTo(0, 0));
    const axe = opts.axe === false ? [] : await axeViolations(page);
    const scriptElements = await page.evaluate(() =>
      [...document.querySelectorAll('script')]
        .filter((s) => /^(|module|(text|application)\/(java|ecma)script)$/i.test(s.type.trim()))
        .map((s) =>
          s.src ? `<script src="${s.getAttribute('src')}">` : `<script> ${s.textContent.trim().slice(0, 60)}…`,
        ),
    );
    const overflow: string[] = [];
    for (const width of [opts.width ?? 1280, ...(opts.overflowWidths ?? [])]) {
      await page.setViewportSize({ width, height: opts.height ?? 900 });
      const px = await horizontalOverflow(page);
      if (px > 0)
        overflow.push(`${px} px wider than a ${width} px viewport: ${(await overflowingElements(page)).join('; ')}`);
    }
    await settle();
    return { ...problems, axe, scriptElements, overflow, skipLink, firstScreenFaces: faces };
  } finally {
    await page.close();
  }
}

/** The parts of an audit that must be empty on every page. */
export function auditProblems(
  a: PageAudit,
): Pick<PageAudit, 'console' | 'failed' | 'offsite' | 'axe' | 'overflow' | 'skipLink'> {
  return {
    console: a.console,
    failed: a.failed,
    offsite: a.offsite,
    axe: a.axe,
    overflow: a.overflow,
    skipLink: a.skipLink,
  };
}

// --- Charts ---------------------------------------------------------------------------

export interface ChartCheck {
  /** How many [data-chart] elements the page has. */
  charts: number;
  problems: string[];
}

/**
 * Scroll each [data-chart] into view and wait for a <canvas> inside it with non-blank pixels
 * (pixel variance read back with getImageData; a blank or one-colour canvas has none).
 */
export async function checkCharts(page: Page, timeoutMs = 10_000): Promise<ChartCheck> {
  const charts = await page.locator('[data-chart]').count();
  const problems: string[] = [];
  for (let i = 0; i < charts; i++) {
    await page.locator('[data-chart]').nth(i).scrollIntoViewIfNeeded();
    try {
      await page.waitForFunction(
        (n) => {
          const canvas = document.querySelectorAll('[data-chart]')[n]?.querySelector('canvas');
          if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
          // Read back through a copy, so the page's own canvas is left as it was (and Chromium does not warn about readbacks).
          const copy = document.createElement('canvas');
          copy.width = canvas.width;
          copy.height = canvas.height;
          const ctx = copy.getContext('2d', { willReadFrequently: true });
          if (!ctx) return false;
          ctx.drawImage(canvas, 0, 0);
          const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
          let sum = 0;
          let sumSq = 0;
          let count = 0;
          for (let p = 0; p < data.length; p += 4 * 7) {
            const v = data[p]! + data[p + 1]! + data[p + 2]! + data[p + 3]!;
            sum += v;
            sumSq += v * v;
            count++;
          }
          return sumSq / count - (sum / count) ** 2 > 100;
        },
        i,
        { timeout: timeoutMs, polling: 100 },
      );
    } catch {
      const state = await page.evaluate((n) => {
        const canvas = document.querySelectorAll('[data-chart]')[n]?.querySelector('canvas');
        return canvas ? `its ${canvas.width}×${canvas.height} canvas stayed blank` : 'no <canvas> appeared';
      }, i);
      problems.push(`[data-chart] ${i + 1} of ${charts}: ${state} within ${timeoutMs} ms`);
    }
  }
  return { charts, problems };
}

// --- Keyboard -------------------------------------------------------------------------------

const describeActive = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (body)';
    const href = el.getAttribute('href');
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${href ? ` href="${href}"` : ''}> “${(el.textContent ?? '').trim().slice(0, 40)}”`;
  });

/** From a freshly loaded page: the first Tab must focus a skip link (a[href^="#"]), and activating it must move focus into <main>. */
export async function skipLinkProblems(page: Page): Promise<string[]> {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLAnchorElement && (el.getAttribute('href') ?? '').startsWith('#')
      ? el.getAttribute('href')
      : null;
  });
  if (!first) return [`the first Tab focuses ${await describeActive(page)}, not a skip link to the main content`];
  await page.keyboard.press('Enter');
  const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
  return inMain
    ? []
    : [`activating the skip link ${first} leaves focus on ${await describeActive(page)}, outside <main>`];
}

/**
 * Press Tab `count` times, as a keyboard does: each press goes through Chromium's input pipeline and moves focus
 * the way sequential focus navigation does. The presses are sent in one batch over the DevTools protocol, which
 * handles them in order, instead of one round trip each (Playwright's `keyboard.press`): a third of the CPU for
 * the 160 presses of a focus sweep. A `focusin` listener the page set up beforehand sees each step.
 */
export async function pressTab(page: Page, count: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
    await Promise.all(
      Array.from({ length: count }, () => [
        session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }),
        session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }),
      ]).flat(),
    );
  } finally {
    await session.detach();
  }
}

/** Tab through a freshly loaded page and list the visible links that never receive focus. */
export async function linksUnreachableByTab(
  page: Page,
): Promise<{ links: number; tabs: number; unreachable: string[] }> {
  const { links, focusables } = await page.evaluate(() => {
    const visible = (el: Element) =>
      el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && !el.closest('[inert]');
    const links = [...document.querySelectorAll('a[href], area[href]')]
      .filter(visible)
      .map((a) => (a as HTMLAnchorElement).href);
    const focusables = document.querySelectorAll(
      'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]',
    ).length;
    // Each link that takes focus, in order.
    const reached: string[] = [];
    (window as unknown as { __reached: string[] }).__reached = reached;
    document.addEventListener('focusin', () => {
      const el = document.activeElement;
      if (el instanceof HTMLAnchorElement || el instanceof HTMLAreaElement) reached.push(el.href);
    });
    return { links, focusables };
  });
  const tabs = focusables + 5;
  await pressTab(page, tabs);
  const reached = new Set(await page.evaluate(() => (window as unknown as { __reached: string[] }).__reached));
  return { links: links.length, tabs, unreachable: [...new Set(links)].filter((l) => !reached.has(l)) };
}
