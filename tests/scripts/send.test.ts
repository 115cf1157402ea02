/**
 * `npm run send` against a local fake of Buttondown's API on 127.0.0.1: the
 * fake checks the request (method, path, headers, JSON body) the way the real
 * API would and answers 201, 401 or 429 by API key; a closed port stands in
 * for a network failure. Runs on a throw-away copy of the project whose
 * config selects Buttondown, with a prepared edition in a temporary dist/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { copyProject, runScriptAsync } from '../helpers/project.ts';

const SLUG = 'bytedance-200-billion-ai-bet';
const EDITION = '<!DOCTYPE html><html><body><p>The edition</p></body></html>';

let project: string;
let dist: string;
let server: Server;
let api: string;
const requests: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  project = copyProject();
  dist = mkdtempSync(join(tmpdir(), 'aif-send-dist-'));
  mkdirSync(join(dist, 'newsletter'));
  writeFileSync(join(dist, 'newsletter', `${SLUG}.html`), EDITION);
  writeFileSync(join(dist, 'newsletter', `${SLUG}.txt`), 'The edition\n');

  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      const auth = req.headers.authorization ?? '';
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || req.url !== '/v1/emails') return send(404, { detail: 'Not found.' });
      if (auth === 'Token expired-key') return send(401, { detail: 'Invalid token.' });
      if (auth === 'Token busy-key') return send(429, { detail: 'Request was throttled.' }, { 'Retry-After': '30' });
      if (auth !== 'Token good-key') return send(401, { detail: 'Authentication credentials were not provided.' });
      if (!String(req.headers['content-type']).startsWith('application/json'))
        return send(415, { detail: 'Unsupported media type.' });
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(400, { detail: 'JSON parse error.' });
      }
      if (typeof parsed.subject !== 'string' || typeof parsed.body !== 'string')
        return send(400, { subject: ['This field is required.'] });
      if (parsed.status !== 'draft')
        return send(400, { detail: 'This fake only accepts drafts: a test must never send.' });
      send(201, { id: 'em_123', subject: parsed.subject, status: 'draft' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

const send = (args: string[], env: Record<string, string | undefined>) =>
  runScriptAsync('scripts/send.ts', [...args, '--no-build', '--dist', dist], {
    cwd: project,
    env: {
      SITE_URL: 'https://ai-frontier.news',
      NEWSLETTER_SERVICE: 'buttondown',
      BUILD_DATE: '2026-11-24T12:00:00Z',
      BUTTONDOWN_API_URL: api,
      BUTTONDOWN_API_KEY: 'good-key',
      ...env,
    },
  });

describe('npm run send (Buttondown)', () => {
  it('creates the edition as a draft with the right method, path, headers and body', async () => {
    requests.length = 0;
    const r = await send([SLUG], {});
    expect(r.stderr).toContain('newsletter.postalAddress is empty');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Created a Buttondown draft');
    expect(r.stdout).toContain('id em_123');
    expect(r.stdout).toContain('Nothing was sent');
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/emails');
    expect(req.headers.authorization).toBe('Token good-key');
    expect(req.headers['content-type']).toBe('application/json');
    const body = JSON.parse(req.body);
    expect(body.status).toBe('draft');
    // "#2: " and the 52-character title would pass the 55 a phone shows: the number is dropped.
    expect(body.subject).toBe("ByteDance's ¥200 billion AI bet, and who can keep up");
    expect(body.body).toBe(`<!-- buttondown-editor-mode: plaintext -->${EDITION}`);
    expect(body.canonical_url).toBe(`https://ai-frontier.news/articles/${SLUG}/`);
    expect(body.description.length).toBeGreaterThan(20);
  });

  it('accepts the article file path as well as the slug', async () => {
    const r = await send([`content/articles/2026-03-02-${SLUG}.mdx`], {});
    expect(r.status, r.stderr).toBe(0);
  });

  it('says what to do without a key, and calls nothing', async () => {
    requests.length = 0;
    const r = await send([SLUG], { BUTTONDOWN_API_KEY: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No Buttondown API key');
    expect(r.stderr).toContain('export BUTTONDOWN_API_KEY=');
    expect(requests).toHaveLength(0);
  });

  it('explains a refused key (401) and rate limiting (429) without a stack trace', async () => {
    const refused = await send([SLUG], { BUTTONDOWN_API_KEY: 'expired-key' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Buttondown refused the API key (HTTP 401)');
    const limited = await send([SLUG], { BUTTONDOWN_API_KEY: 'busy-key' });
    expect(limited.status).toBe(1);
    expect(limited.stderr).toContain('rate-limiting requests (HTTP 429); it asks to wait 30 s');
    for (const r of [refused, limited]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await send([SLUG], { BUTTONDOWN_API_URL: `http://127.0.0.1:${port}` });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Could not reach http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses drafts, future-dated articles and the placeholder site address before calling the API', async () => {
    requests.length = 0;
    const draft = await send(['kitchen-sink'], {});
    expect(draft.status).toBe(1);
    expect(draft.stderr).toContain('"kitchen-sink" is a draft');
    const future = await send([SLUG], { BUILD_DATE: '2026-03-01T12:00:00Z' });
    expect(future.status).toBe(1);
    expect(future.stderr).toContain('is dated 2026-03-02, after today');
    const placeholder = await send([SLUG], { SITE_URL: 'https://ai-frontier.example.com' });
    expect(placeholder.status).toBe(1);
    expect(placeholder.stderr).toContain('The site address is https://ai-frontier.example.com, a placeholder');
    expect(placeholder.stderr).toContain('Fix: Set SITE_URL');
    // The build's escape hatch for previews does not let an edition out.
    const allowed = await send([SLUG], { SITE_URL: 'https://ai-frontier.example.com', ALLOW_PLACEHOLDER_URL: '1' });
    expect(allowed.status).toBe(1);
    expect(requests).toHaveLength(0);
  });

  it('prints the upload steps for a service without an API path (the generic preset of the real project)', async () => {
    requests.length = 0;
    const r = await runScriptAsync('scripts/send.ts', [SLUG, '--no-build', '--dist', dist], {
      env: { SITE_URL: 'https://ai-frontier.news', BUILD_DATE: '2026-11-24T12:00:00Z', BUTTONDOWN_API_URL: api },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('upload the edition by hand');
    expect(r.stdout).toContain(`newsletter/${SLUG}.html`);
    expect(r.stdout).toContain('{{unsubscribe_url}}');
    expect(requests).toHaveLength(0);
  });

  it('names an unknown article', async () => {
    const r = await send(['no-such-issue'], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No article "no-such-issue"');
  });
});
