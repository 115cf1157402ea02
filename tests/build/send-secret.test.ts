/**
 * The API key never reaches what is built, even when an article asks for it. `npm run send` builds
 * the site (with an article whose MDX prints `process.env.BUTTONDOWN_API_KEY` and a CI token as note
 * titles, which the content check lets through as component props) and
 * uploads the edition to a local fake of Buttondown's API: the key is in the request's
 * Authorization header and nowhere else, not in any built file, not in the uploaded edition, not
 * in what the command prints. A variable that is no secret prints where the article asks, which
 * shows the article's expression runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { copyProject, runScriptAsync } from '../helpers/project.ts';
import { distFiles } from '../helpers/dist-files.ts';

const KEY = 'bd-4f1c2a9e-7d3b-4e8a-9c61-secretkey';
const TOKEN = 'ghs_secretCiTokenThatMustNotLeak0123';
const PROBE = 'not-a-secret-probe-7b1e';

const ARTICLE = `---
title: "An article that asks for the key"
dek: "Its body prints environment variables."
published: 2026-11-01
authors: ["AI Frontier desk"]
tags: ["security"]
issue: 97
sources:
  - name: "A source"
    url: "https://example.org/source"
    date: 2026-10-30
summary: "The key must not appear in anything the build writes."
---

Three notes whose titles the build reads from the environment:

<Callout title={process.env.BUTTONDOWN_API_KEY}>The key.</Callout>

<Callout title={process.env.GITHUB_TOKEN}>The token.</Callout>

<Callout title={process.env.AIF_LEAK_PROBE}>The probe.</Callout>
`;

let project: string;
let dist: string;
let server: Server;
let api: string;
const uploads: Array<{ auth?: string; body: string }> = [];

beforeAll(async () => {
  project = copyProject();
  dist = join(mkdtempSync(join(tmpdir(), 'aif-send-secret-')), 'dist');
  writeFileSync(join(project, 'content', 'articles', '2026-11-01-asks-for-the-key.mdx'), ARTICLE);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += String(c)));
    req.on('end', () => {
      uploads.push({ auth: req.headers.authorization, body });
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end('{"id":"em_1"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

describe('npm run send with a key in the environment', () => {
  it('builds without it: no built file, upload or output carries the key or another credential', async () => {
    const r = await runScriptAsync('scripts/send.ts', ['asks-for-the-key', '--dist', dist], {
      cwd: project,
      env: {
        SITE_URL: 'https://ai-frontier.news',
        NEWSLETTER_SERVICE: 'buttondown',
        NEWSLETTER_SIGNUP: 'aifrontier',
        BUILD_DATE: '2026-11-24T12:00:00Z',
        BUTTONDOWN_API_URL: api,
        BUTTONDOWN_API_KEY: KEY,
        GITHUB_TOKEN: TOKEN,
        AIF_LEAK_PROBE: PROBE,
      },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.auth).toBe(`Token ${KEY}`);

    const page = readFileSync(join(dist, 'articles', 'asks-for-the-key', 'index.html'), 'utf8');
    expect(page).toContain(PROBE);
    const files = distFiles(dist);
    expect(files).toContain('newsletter/asks-for-the-key.html');
    for (const secret of [KEY, TOKEN]) {
      const carrying = files.filter((f) => readFileSync(join(dist, f)).includes(secret));
      expect(carrying, `files carrying ${secret}`).toEqual([]);
      expect(uploads[0]!.body).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });
});
