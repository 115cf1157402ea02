import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runScriptAsync } from '../helpers/project.ts';

/** What the local "published spreadsheet" answers, switchable per test. */
let mode: 'ok' | 'error' | 'hang' | 'malformed' | 'bad-row' | 'huge' | 'to-http' = 'ok';
let server: Server;
let port = 0;

const GOOD_CSV = 'id,label,value,unit,scale,asOf\nsheet.revenue,Revenue from the sheet,12.5,USD,billion,2025-12\n';

beforeAll(async () => {
  server = createServer((_req, res) => {
    if (mode === 'hang') return; // never answers
    if (mode === 'error') {
      res.writeHead(500).end('boom');
      return;
    }
    // A published sheet that moves to plain http on another host: refused before any request goes there.
    if (mode === 'to-http') {
      res.writeHead(302, { location: 'http://sheets.example.org/sheet.csv' }).end();
      return;
    }
    // Six megabytes without a Content-Length: the cap must hold while reading.
    if (mode === 'huge') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      const row = 'sheet.x,X,1,USD,billion,2025-12\n'.repeat(1000);
      for (let i = 0; i < 200; i++) res.write(row);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv' });
    if (mode === 'malformed') res.end('id,label,value\n"unclosed,quote,1\n');
    else if (mode === 'bad-row') res.end('id,label,value,unit,asOf\nsheet.revenue,Revenue,twelve,USD,2025-12\n');
    else res.end(GOOD_CSV);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.closeAllConnections?.() ?? server.close());

function registry(): { dir: string; out: string } {
  const base = mkdtempSync(join(tmpdir(), 'aif-figs-'));
  const dir = join(base, 'figures');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'local.yaml'),
    `sources:\n  s:\n    name: Local\n    url: https://example.org/local\n    date: "2025"\nfigures:\n  - id: local.one\n    label: One\n    value: 1\n    unit: count\n    asOf: "2025"\n    source: s\nremotes:\n  - id: sheet\n    url: http://127.0.0.1:${port}/sheet.csv\n    format: csv\n    timeoutMs: 400\n    source: s\n`,
  );
  return { dir, out: join(base, 'out') };
}

const pull = (r: { dir: string; out: string }, ...flags: string[]) =>
  runScriptAsync('scripts/pull-figures.ts', ['--dir', r.dir, '--out', r.out, ...flags]);
const snapshot = (out: string) =>
  ['figures.json', 'figure-ids.ts', 'remote-cache/sheet.csv'].map((f) =>
    existsSync(join(out, f)) ? readFileSync(join(out, f), 'utf8') : null,
  );

// Each test runs the script once or twice (a Node start and the registry): seconds each on a busy machine.
describe('pull-figures with a remote source', { timeout: 30_000 }, () => {
  it('pulls a good sheet, writes typed ids, and reports', async () => {
    mode = 'ok';
    const r = registry();
    const result = await pull(r);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✓ Figures: 2 figures \(0 derived\), 0 series, \d+ sources, 1 remote/);
    const json = JSON.parse(readFileSync(join(r.out, 'figures.json'), 'utf8'));
    expect(json.figures['sheet.revenue'].text.long).toBe('$12.5 billion');
    expect(readFileSync(join(r.out, 'figure-ids.ts'), 'utf8')).toContain('"sheet.revenue",');
  });

  it.each([
    ['HTTP 500', 'error', 'answered HTTP 500'],
    ['a timeout', 'hang', 'did not answer within 400 ms'],
    ['malformed CSV', 'malformed', 'The remote CSV is malformed: Unclosed quote'],
    ['a malformed row', 'bad-row', 'Row 2: Expected a number, received "twelve".'],
    ['an answer over the size cap', 'huge', 'sent more than 5242880 bytes (5 MB), which no sheet of figures is'],
    [
      'a redirect to plain http',
      'to-http',
      'redirected to http://sheets.example.org/sheet.csv, which was not followed: "http://sheets.example.org/sheet.csv" is plain http',
    ],
  ] as const)(
    'fails clearly on %s and leaves the generated files byte-for-byte intact',
    async (_name, failure, message) => {
      mode = 'ok';
      const r = registry();
      expect((await pull(r)).status).toBe(0);
      const before = snapshot(r.out);
      mode = failure;
      const result = await pull(r);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('keeps the last good data');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(snapshot(r.out)).toEqual(before);
    },
  );

  it('refuses a plain-http sheet (anywhere but 127.0.0.1) at its line, before fetching', async () => {
    mode = 'ok';
    const r = registry();
    const file = join(r.dir, 'local.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(`http://127.0.0.1:${port}/sheet.csv`, 'http://sheets.example.org/s.csv'),
    );
    for (const flags of [[], ['--offline']]) {
      const result = await pull(r, ...flags);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /local\.yaml:15 \(remote sheet\.url\): "http:\/\/sheets\.example\.org\/s\.csv" is plain http: the sheet could be changed on its way to the build\.\n {2}Fix: Use its https:\/\/ address/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('uses the last pulled copy with --offline', async () => {
    mode = 'ok';
    const r = registry();
    expect((await pull(r)).status).toBe(0);
    mode = 'error';
    const result = await pull(r, '--offline');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(r.out, 'figures.json'), 'utf8')).figures['sheet.revenue']).toBeDefined();
  });

  it('turns discrepancies into errors under --strict', async () => {
    mode = 'ok';
    const r = registry();
    writeFileSync(
      join(r.dir, 'derived.yaml'),
      'figures:\n  - id: local.double\n    label: Double\n    formula: local.one * 2\n    unit: count\n    stated: 3\n',
    );
    const lenient = await pull(r);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('⚠ ');
    const before = snapshot(r.out);
    writeFileSync(
      join(r.dir, 'derived.yaml'),
      'figures:\n  - id: local.double\n    label: Double\n    formula: local.one * 2.5\n    unit: count\n    stated: 3\n',
    );
    const strict = await pull(r, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('the source states 3 but local.one * 2.5 gives 2.5');
    expect(snapshot(r.out)).toEqual(before);
  });
});
