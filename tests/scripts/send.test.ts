/**
 * `npm run send` against a local fake of Buttondown's API on 127.0.0.1. The fake checks each
 * request the way Buttondown's API reference documents `POST /v1/emails` (its OpenAPI schema
 * `EmailInput`: the fields below and no others, `subject` required, `status` and `template` from
 * their enums) plus what its naked template requires (the body carries `{{ unsubscribe_url }}`),
 * and answers by API key: 201, 401, 429, an error with terminal escapes, a redirect, an answer
 * that stalls. A closed port stands in for a network failure. Runs on a throw-away copy of the
 * project whose config selects Buttondown; each test has its own fake and its own prepared edition in a
 * temporary dist/ (`session`), so the tests run side by side.
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { copyProject, runScriptAsync } from '../helpers/project.ts';

const SLUG = 'bytedance-200-billion-ai-bet';
const EDITION =
  '<!DOCTYPE html><html><body><p>The edition</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>';
const KEY = 'bd-0123456789abcdef0123';

/** EmailInput in Buttondown's OpenAPI document (docs.buttondown.com, "Create Email"): its properties, enums and limits. */
const EMAIL_INPUT_FIELDS = [
  'attachments',
  'publish_date',
  'subject',
  'slug',
  'description',
  'canonical_url',
  'image',
  'body',
  'archival_mode',
  'email_type',
  'status',
  'metadata',
  'secondary_id',
  'filters',
  'template',
  'commenting_mode',
  'related_email_ids',
  'featured',
  'should_trigger_pay_per_email_billing',
];
const EMAIL_STATUS = ['draft', 'managed_by_rss', 'about_to_send', 'scheduled', 'in_flight', 'paused', 'deleted'];
const EMAIL_TEMPLATE = ['classic', 'custom', 'modern', 'plaintext', 'naked'];

/** Why Buttondown would refuse this body (422, with the validation details), or undefined. */
function schemaProblems(body: Record<string, unknown>): string[] {
  const problems = Object.keys(body)
    .filter((k) => !EMAIL_INPUT_FIELDS.includes(k))
    .map((k) => `${k}: Extra inputs are not permitted`);
  if (typeof body.subject !== 'string' || body.subject.length > 2000) problems.push('subject: required, at most 2000');
  if (body.body !== undefined && typeof body.body !== 'string') problems.push('body: a string');
  const inEnum = (value: unknown, values: string[]) => typeof value === 'string' && values.includes(value);
  if (body.status !== undefined && !inEnum(body.status, EMAIL_STATUS)) problems.push('status: not in the enum');
  if (body.template !== undefined && !inEnum(body.template, EMAIL_TEMPLATE)) problems.push('template: not in the enum');
  if (typeof body.canonical_url === 'string' && body.canonical_url.length > 2000)
    problems.push('canonical_url: too long');
  if (body.template === 'naked' && !(typeof body.body === 'string' && body.body.includes('{{ unsubscribe_url }}')))
    problems.push('body: an email in naked mode must include {{ unsubscribe_url }}');
  return problems;
}

let project: string;
let elsewhere: Server;
let elsewhereApi: string;
let elsewhereHits = 0;

interface Received {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

function handle(requests: Received[], req: IncomingMessage, res: ServerResponse, body: string): void {
  requests.push({ method: req.method, url: req.url, headers: req.headers, body });
  const auth = req.headers.authorization ?? '';
  const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(json));
  };
  if (req.method === 'POST' && req.url === '/v1/emails' && auth === 'Token moved-here-0123456789')
    return send(307, {}, { Location: '/v1/emails/' });
  if (req.method !== 'POST' || (req.url !== '/v1/emails' && req.url !== '/v1/emails/'))
    return send(404, { detail: 'Not found.' });
  if (auth === 'Token expired-key-0123456789') return send(401, { detail: 'Invalid token.' });
  if (auth === 'Token busy-key-0123456789')
    return send(429, { detail: 'Request was throttled.' }, { 'Retry-After': '30' });
  if (auth === 'Token escapes-0123456789')
    return send(400, { detail: 'Bad \u001b[31mred\u001b[0m \u001b]0;owned title\u0007 body\u0000 \u202eevil' });
  if (auth === 'Token moved-away-0123456789') return send(307, {}, { Location: `${elsewhereApi}/v1/emails` });
  if (auth === 'Token stalls-body-0123456789') {
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.write('{"id": "em_');
    return; // never ends
  }
  if (auth === 'Token stalls-all-0123456789') return; // no answer at all
  if (auth !== `Token ${KEY}` && auth !== 'Token moved-here-0123456789')
    return send(401, { detail: 'Authentication credentials were not provided.' });
  if (!String(req.headers['content-type']).startsWith('application/json'))
    return send(415, { detail: 'Unsupported media type.' });
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return send(400, { detail: 'JSON parse error.' });
  }
  const problems = schemaProblems(parsed);
  if (problems.length > 0) return send(422, { detail: problems.map((msg) => ({ msg })) });
  if (parsed.status !== 'draft') return send(400, { detail: 'This fake only accepts drafts: a test must never send.' });
  send(201, { id: 'em_123', subject: parsed.subject, status: 'draft' });
}

beforeAll(async () => {
  project = copyProject();
  elsewhere = createServer((req, res) => {
    elsewhereHits++;
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end('{"id":"em_stolen"}');
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  elsewhereApi = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => elsewhere?.close(r));
});

/** What one test works with, apart from the others running beside it: its own fake and its own built edition. */
interface Session {
  /** The fake's address. */
  api: string;
  dist: string;
  /** What the fake received, in order. */
  requests: Received[];
  /** Replace the built edition's HTML. */
  setEdition: (html: string) => void;
  /** `npm run send -- <args> --no-build` on the built edition, against the fake unless `env` says otherwise. */
  send: (args: string[], env: Record<string, string | undefined>) => ReturnType<typeof runScriptAsync>;
}

async function session(onTestFinished: TestContext['onTestFinished']): Promise<Session> {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += String(c)));
    req.on('end', () => handle(requests, req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dist = mkdtempSync(join(tmpdir(), 'aif-send-dist-'));
  const edition = join(dist, 'newsletter', `${SLUG}.html`);
  mkdirSync(join(dist, 'newsletter'));
  writeFileSync(edition, EDITION);
  writeFileSync(join(dist, 'newsletter', `${SLUG}.txt`), 'The edition\n');
  return {
    api,
    dist,
    requests,
    setEdition: (html) => writeFileSync(edition, html),
    send: (args, env) =>
      runScriptAsync('scripts/send.ts', [...args, '--no-build', '--dist', dist], {
        cwd: project,
        env: {
          SITE_URL: 'https://ai-frontier.news',
          NEWSLETTER_SERVICE: 'buttondown',
          BUILD_DATE: '2026-11-24T12:00:00Z',
          BUTTONDOWN_API_URL: api,
          BUTTONDOWN_API_KEY: KEY,
          ...env,
        },
      }),
  };
}

const noStack = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/\n\s+at /);

// Each test runs the script (a Node start, the project's modules) once or more: seconds each on a busy machine. The
// tests run side by side, each with its own fake and edition.
describe.concurrent('npm run send (Buttondown)', { timeout: 30_000 }, () => {
  it("creates the edition as a draft with the fields Buttondown's API reference documents, as the whole email (template naked)", async ({
    onTestFinished,
  }) => {
    const { send, requests } = await session(onTestFinished);
    const r = await send([SLUG], {});
    expect(r.stderr).toContain('newsletter.postalAddress is empty');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Created a Buttondown draft');
    expect(r.stdout).toContain('id em_123');
    expect(r.stdout).toContain('Nothing was sent');
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/emails');
    expect(req.headers.authorization).toBe(`Token ${KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    const body = JSON.parse(req.body) as Record<string, string>;
    expect(schemaProblems(body)).toEqual([]);
    expect(Object.keys(body).sort()).toEqual(['body', 'canonical_url', 'description', 'status', 'subject', 'template']);
    expect(body.status).toBe('draft');
    expect(body.template).toBe('naked');
    // "#2: " and the 52-character title would pass the 55 a phone shows: the number is dropped.
    expect(body.subject).toBe("ByteDance's ¥200 billion AI bet, and who can keep up");
    expect(body.body).toBe(`<!-- buttondown-editor-mode: naked -->${EDITION}`);
    // One footer, one unsubscribe link: the edition's own.
    expect(body.body!.split('{{ unsubscribe_url }}')).toHaveLength(2);
    expect(body.canonical_url).toBe(`https://ai-frontier.news/articles/${SLUG}/`);
    expect(body.description!.length).toBeGreaterThan(20);
  });

  it('the fake refuses what Buttondown refuses: an unknown field, a missing subject, a naked body without the unsubscribe tag', () => {
    expect(schemaProblems({ subject: 's', body: 'b', text: 'plain part' })).toEqual([
      'text: Extra inputs are not permitted',
    ]);
    expect(schemaProblems({ body: 'b' })).toEqual(['subject: required, at most 2000']);
    expect(schemaProblems({ subject: 's', body: '<p>x</p>', template: 'naked' })).toHaveLength(1);
    expect(schemaProblems({ subject: 's', status: 'queued' })).toEqual(['status: not in the enum']);
  });

  it('accepts the article file path as well as the slug', async ({ onTestFinished }) => {
    const { send } = await session(onTestFinished);
    const r = await send([`content/articles/2026-05-11-${SLUG}.mdx`], {});
    expect(r.status, r.stderr).toBe(0);
  });

  it('refuses an edition without exactly one unsubscribe tag before calling the API', async ({ onTestFinished }) => {
    const { send, requests, setEdition } = await session(onTestFinished);
    setEdition('<!DOCTYPE html><p>No footer</p>');
    const r = await send([SLUG], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has no {{ unsubscribe_url }} link');
    expect(requests).toHaveLength(0);
  });

  it('stops before Gmail would clip the edition (over 102 KB) unless told to go on, and warns from 90 KB', async ({
    onTestFinished,
  }) => {
    const { send, requests, setEdition } = await session(onTestFinished);
    const padding = (kb: number) => `<p>${'Words to fill the issue. '.repeat(Math.ceil((kb * 1024) / 25))}</p>`;
    const big = EDITION.replace('<p>The edition</p>', padding(110));
    setEdition(big);
    const stopped = await send([SLUG], {});
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toMatch(
      /✗ .*newsletter\/bytedance-200-billion-ai-bet\.html is 1\d\d\.\d KB of HTML, over Gmail's 102\.0 KB/,
    );
    expect(requests).toHaveLength(0);
    const allowed = await send([SLUG, '--allow-large-edition'], {});
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(requests).toHaveLength(1);
    setEdition(EDITION.replace('<p>The edition</p>', padding(95)));
    const warned = await send([SLUG], {});
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(/⚠ .*close to Gmail's 102\.0 KB clipping limit/);
  });

  it('says what to do without a key, and calls nothing', async ({ onTestFinished }) => {
    const { send, requests } = await session(onTestFinished);
    const r = await send([SLUG], { BUTTONDOWN_API_KEY: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No Buttondown API key');
    expect(r.stderr).toContain('export BUTTONDOWN_API_KEY=');
    expect(requests).toHaveLength(0);
  });

  it('refuses a key with a line break or of the wrong shape without printing it, and calls nothing', async ({
    onTestFinished,
  }) => {
    const { send, requests } = await session(onTestFinished);
    const newline = await send([SLUG], { BUTTONDOWN_API_KEY: `${KEY}\n` });
    expect(newline.status).toBe(1);
    expect(newline.stderr).toContain('BUTTONDOWN_API_KEY starts or ends with a space or a line break');
    const odd = await send([SLUG], { BUTTONDOWN_API_KEY: 'secret key with spaces!' });
    expect(odd.status).toBe(1);
    expect(odd.stderr).toContain('does not look like a Buttondown API key (23 characters');
    for (const r of [newline, odd]) {
      expect(r.stdout + r.stderr).not.toContain(KEY);
      expect(r.stdout + r.stderr).not.toContain('secret key');
      noStack(r);
    }
    expect(requests).toHaveLength(0);
  });

  it('refuses a plain-http API address except 127.0.0.1', async ({ onTestFinished }) => {
    const { send, api } = await session(onTestFinished);
    const r = await send([SLUG], { BUTTONDOWN_API_URL: 'http://api.buttondown.com' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BUTTONDOWN_API_URL is http://api.buttondown.com: the API key would travel unencrypted');
    const local = await send([SLUG], { BUTTONDOWN_API_URL: `http://localhost:${new URL(api).port}` });
    expect(local.status).toBe(1);
    expect(local.stderr).toContain('the API key would travel unencrypted');
  });

  it('explains a refused key (401) and rate limiting (429) without a stack trace or the key', async ({
    onTestFinished,
  }) => {
    const { send } = await session(onTestFinished);
    const refused = await send([SLUG], { BUTTONDOWN_API_KEY: 'expired-key-0123456789' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Buttondown refused the API key (HTTP 401)');
    const limited = await send([SLUG], { BUTTONDOWN_API_KEY: 'busy-key-0123456789' });
    expect(limited.status).toBe(1);
    expect(limited.stderr).toContain('rate-limiting requests (HTTP 429); it asks to wait 30 s');
    for (const r of [refused, limited]) {
      noStack(r);
      expect(r.stderr).not.toContain('key-0123456789');
    }
  });

  it("prints the service's message without terminal escapes or control characters", async ({ onTestFinished }) => {
    const { send } = await session(onTestFinished);
    const r = await send([SLUG], { BUTTONDOWN_API_KEY: 'escapes-0123456789' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Buttondown answered HTTP 400: Bad red body evil');
    // eslint-disable-next-line no-control-regex -- the point of the check
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expect(r.stderr).not.toContain('owned title');
  });

  it('follows a move within the same address, never one to another address (it would re-post the edition there)', async ({
    onTestFinished,
  }) => {
    const { send, requests } = await session(onTestFinished);
    const here = await send([SLUG], { BUTTONDOWN_API_KEY: 'moved-here-0123456789' });
    expect(here.status, here.stderr).toBe(0);
    expect(requests.map((q) => q.url)).toEqual(['/v1/emails', '/v1/emails/']);
    const away = await send([SLUG], { BUTTONDOWN_API_KEY: 'moved-away-0123456789' });
    expect(away.status).toBe(1);
    expect(away.stderr).toContain(`Buttondown answered HTTP 307, a move to ${elsewhereApi}, which was not followed`);
    expect(elsewhereHits).toBe(0);
  });

  it('tells the truth after a timeout: a draft accepted with a stalled answer exists; an unanswered request may have created one', async ({
    onTestFinished,
  }) => {
    const { send } = await session(onTestFinished);
    const accepted = await send([SLUG], {
      BUTTONDOWN_API_KEY: 'stalls-body-0123456789',
      BUTTONDOWN_TIMEOUT_MS: '1000',
    });
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('Buttondown accepted the draft (HTTP 201) but its answer broke off');
    const silent = await send([SLUG], { BUTTONDOWN_API_KEY: 'stalls-all-0123456789', BUTTONDOWN_TIMEOUT_MS: '1000' });
    expect(silent.status).toBe(1);
    expect(silent.stderr).toContain('Buttondown did not answer within 1 s after the request was sent');
    expect(silent.stderr).toContain('the service may have created the draft');
    expect(silent.stderr).not.toContain('nothing was created');
    for (const r of [accepted, silent]) noStack(r);
  });

  it('reports a network failure that never reached the service as such', async ({ onTestFinished }) => {
    const { send } = await session(onTestFinished);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await send([SLUG], { BUTTONDOWN_API_URL: `http://127.0.0.1:${port}` });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Could not reach http://127.0.0.1:${port} (ECONNREFUSED); nothing was created`);
    noStack(r);
  });

  it('refuses drafts, future-dated articles and the placeholder site address before calling the API', async ({
    onTestFinished,
  }) => {
    const { send, requests } = await session(onTestFinished);
    const draft = await send(['kitchen-sink'], {});
    expect(draft.status).toBe(1);
    expect(draft.stderr).toContain('"kitchen-sink" is a draft');
    const future = await send([SLUG], { BUILD_DATE: '2026-05-10T12:00:00Z' });
    expect(future.status).toBe(1);
    expect(future.stderr).toContain('is dated 2026-05-11, after today');
    const placeholder = await send([SLUG], { SITE_URL: 'https://ai-frontier.example.com' });
    expect(placeholder.status).toBe(1);
    expect(placeholder.stderr).toContain('The site address is https://ai-frontier.example.com, a placeholder');
    expect(placeholder.stderr).toContain('Fix: Set SITE_URL');
    // The build's escape hatch for previews does not let an edition out.
    const allowed = await send([SLUG], { SITE_URL: 'https://ai-frontier.example.com', ALLOW_PLACEHOLDER_URL: '1' });
    expect(allowed.status).toBe(1);
    expect(requests).toHaveLength(0);
  });

  it('prints the upload steps for a service without an API path (the generic preset of the real project)', async ({
    onTestFinished,
  }) => {
    const { requests, api, dist } = await session(onTestFinished);
    const r = await runScriptAsync('scripts/send.ts', [SLUG, '--no-build', '--dist', dist], {
      env: { SITE_URL: 'https://ai-frontier.news', BUILD_DATE: '2026-11-24T12:00:00Z', BUTTONDOWN_API_URL: api },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('upload the edition by hand');
    expect(r.stdout).toContain(`newsletter/${SLUG}.html`);
    expect(r.stdout).toContain('{{unsubscribe_url}}');
    expect(requests).toHaveLength(0);
  });

  it('names an unknown article', async ({ onTestFinished }) => {
    const { send } = await session(onTestFinished);
    const r = await send(['no-such-issue'], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No article "no-such-issue"');
  });
});
