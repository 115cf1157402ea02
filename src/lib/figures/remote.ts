import { ContentError } from '../errors.ts';
import { parseCsv } from './csv.ts';
import { parseRegistryFile } from './parse-registry.ts';
import { urlProblem } from '../url-policy.ts';
import type { FigureDecl, RemoteDecl, Source } from './types.ts';

/**
 * Remote figure sources (a published spreadsheet as CSV, or JSON): each row
 * is a figure with the columns id, label, value, unit, scale, period, asOf
 * (and optionally per, noun, note). Fetching fails loudly on timeout, HTTP
 * errors, an answer larger than REMOTE_MAX_BYTES, a redirect to an address
 * the URL policy refuses for a sheet (plain http: ../url-policy.ts, which also
 * checks the declared address) and malformed rows; the caller keeps the
 * previous data.
 */
export const REMOTE_COLUMNS = [
  'id',
  'label',
  'value',
  'unit',
  'scale',
  'period',
  'asOf',
  'per',
  'noun',
  'note',
] as const;

/** A sheet of figures is a few kilobytes; an answer past this size is not one (a wrong address, or a hostile one). */
export const REMOTE_MAX_BYTES = 5 * 1024 * 1024;

/** The body as text, read until `max` bytes at most (a larger one throws). */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new TooLarge(declared);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new TooLarge(size);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

class TooLarge extends Error {
  readonly bytes: number;
  constructor(bytes: number) {
    super(`larger than ${REMOTE_MAX_BYTES} bytes`);
    this.bytes = bytes;
  }
}

export async function fetchRemote(
  remote: RemoteDecl,
  fetchImpl: typeof fetch = fetch,
  maxBytes = REMOTE_MAX_BYTES,
): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), remote.timeoutMs);
  let response: Response;
  try {
    // Redirects are followed here, each new address checked before it is asked (a published sheet may
    // move to another https host; a move to plain http is refused without a request).
    let url = remote.url;
    for (let hop = 0; ; hop++) {
      response = await fetchImpl(url, {
        signal: controller.signal,
        redirect: 'manual',
        headers: { accept: remote.format === 'csv' ? 'text/csv' : 'application/json' },
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      const next = new URL(location, url).href;
      const problem = urlProblem(next, 'remote');
      if (problem?.severity === 'error' || hop >= 5) {
        clearTimeout(timer);
        throw new ContentError({
          file: remote.file,
          line: remote.line,
          field: `remotes.${remote.id}`,
          message: `The remote source ${remote.url} redirected to ${next}, which was not followed: ${problem ? problem.message : 'too many redirects'}`,
          fix: 'Give the https:// address the sheet is published at, or ask its owner to serve it over https.',
        });
      }
      url = next;
    }
  } catch (e) {
    if (e instanceof ContentError) throw e;
    clearTimeout(timer);
    const timedOut = controller.signal.aborted;
    throw new ContentError({
      file: remote.file,
      line: remote.line,
      field: `remotes.${remote.id}`,
      message: timedOut
        ? `The remote source ${remote.url} did not answer within ${remote.timeoutMs} ms.`
        : `The remote source ${remote.url} could not be reached (${(e as Error).message}).`,
      fix: 'Check the URL and your connection, or run with --offline to use the last pulled copy.',
    });
  }
  try {
    if (!response.ok) {
      throw new ContentError({
        file: remote.file,
        line: remote.line,
        field: `remotes.${remote.id}`,
        message: `The remote source ${remote.url} answered HTTP ${response.status}.`,
        fix: 'Check that the sheet is still published at that address, or run with --offline.',
      });
    }
    return await readCapped(response, maxBytes);
  } catch (e) {
    if (e instanceof ContentError) throw e;
    if (e instanceof TooLarge)
      throw new ContentError({
        file: remote.file,
        line: remote.line,
        field: `remotes.${remote.id}`,
        message: `The remote source ${remote.url} sent more than ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MB), which no sheet of figures is.`,
        fix: "Check that the address is the sheet's published CSV or JSON, not a page or a file of something else.",
      });
    throw new ContentError({
      file: remote.file,
      line: remote.line,
      field: `remotes.${remote.id}`,
      message: controller.signal.aborted
        ? `The remote source ${remote.url} did not finish within ${remote.timeoutMs} ms.`
        : `Reading ${remote.url} failed (${(e as Error).message}).`,
      fix: 'Try again, or run with --offline.',
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Turn a remote payload into figure declarations, validated like the YAML registry (row numbers as lines). */
export function parseRemote(remote: RemoteDecl, payload: string): { figures: FigureDecl[]; errors: ContentError[] } {
  const file = remote.url;
  let rows: Array<{ line: number; record: Record<string, string | number> }>;
  try {
    rows = remote.format === 'csv' ? csvRecords(payload) : jsonRecords(payload);
  } catch (e) {
    return {
      figures: [],
      errors: [
        new ContentError({
          file,
          line: remote.line,
          field: `remotes.${remote.id}`,
          message: `The remote ${remote.format.toUpperCase()} is malformed: ${(e as Error).message}.`,
          fix: `Fix the source, or run with --offline to keep the last good copy.`,
        }),
      ],
    };
  }
  const errors: ContentError[] = [];
  const figures: FigureDecl[] = [];
  for (const { line, record } of rows) {
    // Each row is validated by the same reader as a YAML figure, with the remote's source attached.
    const yaml = JSON.stringify({ figures: [{ ...coerce(record), source: 'remote' }] });
    const parsed = parseRegistryFile(file, yaml, () => new Map<string, Source>([['remote', remote.source]]));
    for (const e of parsed.errors)
      errors.push(new ContentError({ file, line, field: e.field, message: `Row ${line}: ${e.detail}`, fix: e.fix }));
    for (const f of parsed.figures) figures.push({ ...f, file, line });
  }
  return { figures, errors };
}

function coerce(record: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === '') continue;
    out[k] = k === 'value' && typeof v === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim()) ? Number(v) : v;
  }
  return out;
}

function csvRecords(text: string): Array<{ line: number; record: Record<string, string> }> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('it is empty');
  const columns = header.cells.map((c) => c.trim());
  const unknown = columns.filter((c) => !(REMOTE_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0)
    throw new Error(`unknown column(s) ${unknown.join(', ')}; expected ${REMOTE_COLUMNS.join(', ')}`);
  if (!columns.includes('id') || !columns.includes('value')) throw new Error('the header must include id and value');
  return rows.map((r) => {
    if (r.cells.length !== columns.length)
      throw new Error(`row on line ${r.line} has ${r.cells.length} cells, the header has ${columns.length}`);
    return { line: r.line, record: Object.fromEntries(columns.map((c, i) => [c, r.cells[i]!.trim()])) };
  });
}

function jsonRecords(text: string): Array<{ line: number; record: Record<string, string | number> }> {
  const data = JSON.parse(text) as unknown;
  const list = Array.isArray(data) ? data : (data as { figures?: unknown }).figures;
  if (!Array.isArray(list)) throw new Error('expected an array of figures (or {"figures": [...]})');
  return list.map((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new Error(`item ${i + 1} is not an object`);
    return { line: i + 1, record: r as Record<string, string | number> };
  });
}
