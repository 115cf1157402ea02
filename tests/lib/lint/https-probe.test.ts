import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpsAnswer, httpsAnswers, type Fetch } from '../../../src/lib/lint/https-probe.ts';

/**
 * Two local servers stand for one site: `plain` answers its http:// addresses, `secure` its https://
 * ones (the fetch below sends https://site.test/… there). Paths choose the behaviour.
 */
let plain: Server;
let secure: Server;
const port = (s: Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  plain = createServer((req, res) => {
    if (req.url === '/upgrades') return void res.writeHead(301, { location: 'https://site.test/upgrades' }).end();
    if (req.url === '/pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>page</p>');
  });
  secure = createServer((req, res) => {
    if (req.url === '/missing') return void res.writeHead(404).end();
    if (req.url === '/back') return void res.writeHead(302, { location: 'http://site.test/back' }).end();
    if (req.url === '/away') return void res.writeHead(302, { location: 'https://other.test/elsewhere' }).end();
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end(), 2000);
    if (req.url === '/pdf') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>login</p>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>page</p>');
  });
  await Promise.all([plain, secure].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});
afterAll(() => {
  plain.close();
  secure.close();
});

/** fetch with the two servers standing in for the site (other.test answers 200 over https). */
const local: Fetch = async (url, init) => {
  const u = new URL(url);
  const to = u.hostname === 'other.test' ? secure : u.protocol === 'https:' ? secure : plain;
  const r = await fetch(`http://127.0.0.1:${port(to)}${u.pathname}`, { ...init, redirect: 'manual' });
  // Redirects followed as a browser would, by the address the site gives.
  if (r.status >= 300 && r.status < 400) return local(new URL(r.headers.get('location')!, url).href, init);
  return { ok: r.ok, status: r.status, url, headers: r.headers, body: r.body };
};

describe('does a plain http link answer the same over https?', () => {
  it('yes, when https serves the same kind of page on the same site', async () => {
    expect(await httpsAnswer('http://site.test/report', local)).toEqual({ https: 'https://site.test/report' });
  });

  it('yes, when the site itself sends http readers to https', async () => {
    expect(await httpsAnswer('http://site.test/upgrades', local)).toEqual({ https: 'https://site.test/upgrades' });
  });

  it.each([
    ['/missing', 'https answered HTTP 404'],
    ['/back', 'https sends readers back to http'],
    ['/away', 'https leads to another site (other.test)'],
    ['/pdf', 'https serves text/html, http application/pdf'],
    ['/slow', 'https: no answer in time'],
  ])('no for %s: %s', async (path, why) => {
    expect(await httpsAnswer(`http://site.test${path}`, local, 500)).toEqual({ why });
  });

  it('asks each address once, however often the article links it', async () => {
    let asked = 0;
    const counting: Fetch = (url, init) => {
      asked++;
      return local(url, init);
    };
    const answers = await httpsAnswers(['http://site.test/a', 'http://site.test/a', 'http://site.test/b'], counting);
    expect([...answers.keys()]).toEqual(['http://site.test/a', 'http://site.test/b']);
    expect(asked).toBe(4);
  });
});
