/**
 * For a plain http link: does the site serve the same page over https? Both addresses are asked
 * (GET, redirects followed, a few seconds each); the https one "answers the same" when it ends on a
 * 2xx page of the same site with the same kind of content, and does not send the reader back to
 * http. Used by `npm run check` to turn the http warning's fix into the address to write.
 */
export type Fetch = (
  url: string,
  init: { redirect: 'follow'; signal: AbortSignal; method: 'GET' },
) => Promise<{
  ok: boolean;
  status: number;
  url: string;
  headers: { get(name: string): string | null };
  body?: { cancel(): Promise<void> } | null;
}>;

export interface HttpsAnswer {
  /** The https address to write, when it answers the same. */
  https?: string;
  /** Why not, in a few words, when it does not. */
  why?: string;
}

async function ask(fetchImpl: Fetch, url: string, timeoutMs: number) {
  try {
    const r = await fetchImpl(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    await r.body?.cancel().catch(() => undefined);
    return {
      ok: r.ok,
      status: r.status,
      url: r.url || url,
      type: (r.headers.get('content-type') ?? '').split(';')[0]!.trim(),
    };
  } catch (e) {
    const code = e instanceof Error && e.cause instanceof Error && 'code' in e.cause ? String(e.cause.code) : undefined;
    const cause = code ?? (e instanceof Error ? e.name : String(e));
    return {
      ok: false,
      status: 0,
      url,
      type: '',
      error: cause === 'TimeoutError' ? 'no answer in time' : String(cause),
    };
  }
}

const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

export async function httpsAnswer(url: string, fetchImpl: Fetch = fetch, timeoutMs = 4000): Promise<HttpsAnswer> {
  const secure = url.replace(/^http:/i, 'https:');
  const [plain, tls] = await Promise.all([ask(fetchImpl, url, timeoutMs), ask(fetchImpl, secure, timeoutMs)]);
  // The site upgrades the reader itself: the https address is the one it means.
  if (plain.ok && /^https:/i.test(plain.url) && host(plain.url) === host(url))
    return { https: plain.url === secure ? secure : plain.url };
  if (!tls.ok)
    return { why: 'error' in tls && tls.error ? `https: ${tls.error}` : `https answered HTTP ${tls.status}` };
  if (!/^https:/i.test(tls.url)) return { why: 'https sends readers back to http' };
  if (host(tls.url) !== host(url)) return { why: `https leads to another site (${host(tls.url)})` };
  if (plain.ok && plain.type && tls.type && plain.type !== tls.type)
    return { why: `https serves ${tls.type}, http ${plain.type}` };
  return { https: secure };
}

/** Answers for many links, a few at a time. */
export async function httpsAnswers(
  urls: readonly string[],
  fetchImpl?: Fetch,
  timeoutMs?: number,
): Promise<Map<string, HttpsAnswer>> {
  const unique = [...new Set(urls)];
  const out = new Map<string, HttpsAnswer>();
  for (let i = 0; i < unique.length; i += 8)
    await Promise.all(unique.slice(i, i + 8).map(async (u) => out.set(u, await httpsAnswer(u, fetchImpl, timeoutMs))));
  return out;
}
