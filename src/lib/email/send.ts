/**
 * Getting an edition to the email service: the checks that come first (no
 * drafts, no future-dated issues, a real site address, a key and an API
 * address that can be used safely), the Buttondown API call that creates the
 * edition as a draft, and what each failure means in words. Only Buttondown
 * has an API path here; the other presets print their upload steps (see
 * presets.ts).
 *
 * The request is the one Buttondown's API reference documents for creating an
 * email (`POST /v1/emails`, schema `EmailInput`, which accepts no other field):
 * `subject`, `body`, `status: "draft"`, `template: "naked"` (Buttondown's
 * template for an email whose body is the whole HTML: no header, footer or
 * unsubscribe link of its own, so the draft is exactly the edition, with the
 * one unsubscribe link of its footer, `{{ unsubscribe_url }}`, which that
 * template requires), `description` and `canonical_url`. The API has no field
 * for a plain-text part: Buttondown writes it from the HTML.
 *
 * Nothing the service says is trusted either: redirects to another address are
 * not followed (the request carries the key and the edition), its messages are
 * printed without control characters, and a request that may have reached it
 * is never reported as "nothing was created".
 */
import { printable } from '../control-chars.ts';
import { siteAddressProblem } from '../hosting/site-address.ts';

export const BUTTONDOWN_API = 'https://api.buttondown.com';
/** How long a request may take, headers and answer together, unless BUTTONDOWN_TIMEOUT_MS says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The merge tag Buttondown's naked template requires: the footer's unsubscribe link. */
export const BUTTONDOWN_UNSUBSCRIBE = '{{ unsubscribe_url }}';

export interface SendableArticle {
  slug: string;
  title: string;
  summary: string;
  published: Date;
  draft: boolean;
}

/** Why this edition must not go out yet, or undefined when it may. */
export function refusal(article: SendableArticle, siteUrl: string, now: Date): string | undefined {
  if (article.draft)
    return `"${article.slug}" is a draft.\n  Fix: set draft: false in its frontmatter when it is ready, build, then send.`;
  if (article.published.getTime() > now.getTime()) {
    return `"${article.slug}" is dated ${article.published.toISOString().slice(0, 10)}, after today; its page is not live yet, so the edition's links would be broken.\n  Fix: send it on or after that day (the scheduled build publishes it), or change published: in its frontmatter.`;
  }
  // The same rule as a production build, without its escape hatch: an edition always goes to real people.
  return siteAddressProblem(siteUrl, false);
}

/**
 * What is wrong with the API key, without ever showing it: missing, wrapped in white space (a line
 * break copied with it), or not shaped like a key (letters, digits, `-`, `_`, `.`; 16 to 128 of them).
 */
export function apiKeyProblem(key: string | undefined): string | undefined {
  if (!key)
    return 'No Buttondown API key.\n  Fix: export BUTTONDOWN_API_KEY=… (Settings → API in Buttondown) in the shell or the CI secret; it is never read from the repository.';
  if (key.trim() !== key)
    return 'BUTTONDOWN_API_KEY starts or ends with a space or a line break (copied with the end of the line?).\n  Fix: set it again without them; nothing was sent.';
  if (!/^[A-Za-z0-9._-]{16,128}$/.test(key))
    return `BUTTONDOWN_API_KEY does not look like a Buttondown API key (${key.length} characters; a key is 16 to 128 letters, digits, dashes, dots or underscores).\n  Fix: copy it again from Settings → API in Buttondown; nothing was sent.`;
  return undefined;
}

/** What is wrong with the API address: it must be https (the key travels with every request), or http only to 127.0.0.1 (a test server). */
export function apiUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `BUTTONDOWN_API_URL is not an address: "${printable(url, 100)}".\n  Fix: leave it unset (${BUTTONDOWN_API}) or give a full https:// address.`;
  }
  if (parsed.username || parsed.password)
    return 'BUTTONDOWN_API_URL carries a user name or password.\n  Fix: remove them; the key goes in BUTTONDOWN_API_KEY.';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1') return undefined;
  return `BUTTONDOWN_API_URL is ${parsed.protocol}//${parsed.host}: the API key would travel unencrypted.\n  Fix: use https:// (plain http:// is allowed only for a test server on 127.0.0.1), or leave it unset for ${BUTTONDOWN_API}.`;
}

export interface DraftRequest {
  subject: string;
  /** The edition's HTML. */
  html: string;
  /** One sentence for the service's archive and previews. */
  description: string;
  /** The article on the site, which is the canonical copy. */
  canonicalUrl: string;
}

/** The JSON body of Buttondown's POST /v1/emails for the edition as a draft (nothing is sent to subscribers). */
export function buttondownBody(req: DraftRequest): Record<string, string> {
  return {
    subject: req.subject,
    // The editor-mode comment Buttondown reads (documented for its modes; "naked" is the raw-HTML one).
    body: `<!-- buttondown-editor-mode: naked -->${req.html}`,
    template: 'naked',
    status: 'draft',
    description: req.description,
    canonical_url: req.canonicalUrl,
  };
}

/** Why the edition's HTML cannot be a naked Buttondown email: it needs exactly one `{{ unsubscribe_url }}`, its footer's. */
export function nakedEditionProblem(html: string, file: string): string | undefined {
  const count = html.split(BUTTONDOWN_UNSUBSCRIBE).length - 1;
  if (count === 1) return undefined;
  return count === 0
    ? `${file} has no ${BUTTONDOWN_UNSUBSCRIBE} link, which Buttondown requires of an email that is all your own HTML.\n  Fix: set newsletter.service to 'buttondown' in src/site.config.ts (or NEWSLETTER_SERVICE=buttondown) and send again; the build writes the footer with it.`
    : `${file} has ${count} ${BUTTONDOWN_UNSUBSCRIBE} links; the edition's footer should carry the only one.\n  Fix: rebuild the edition (npm run email); if an article or figure spells the tag out, the content check names where.`;
}

export class SendError extends Error {}

export interface ButtondownOptions {
  apiKey: string | undefined;
  /** Base URL of the API (a local fake in tests). */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface DraftResult {
  /** Buttondown's id for the draft ('' when its answer did not say). */
  id: string;
  /** Set when the draft was created but the answer broke off. */
  note?: string;
}

/** Connection failures that happen before any byte of the request reaches the service. */
const NEVER_ARRIVED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

const CHECK_DRAFTS =
  'Look in Buttondown → Emails → Drafts before trying again: the service may have created the draft.';

/** The service's own words from an error answer (its `detail`, else the text), safe to print. */
function serviceDetail(text: string): string {
  let detail: unknown = text;
  try {
    const json = JSON.parse(text) as { detail?: unknown } | null;
    if (json && typeof json === 'object' && 'detail' in json) detail = json.detail;
    else detail = json;
  } catch {
    // Not JSON: its text.
  }
  return printable(typeof detail === 'string' ? detail : JSON.stringify(detail));
}

/** Create the draft; resolves with Buttondown's id for it. Throws SendError with a readable message on any failure. */
export async function createButtondownDraft(req: DraftRequest, opts: ButtondownOptions): Promise<DraftResult> {
  const keyProblem = apiKeyProblem(opts.apiKey);
  if (keyProblem) throw new SendError(keyProblem);
  const base = (opts.baseUrl ?? BUTTONDOWN_API).replace(/\/+$/, '');
  const urlProblem = apiUrlProblem(base);
  if (urlProblem) throw new SendError(urlProblem);
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const body = JSON.stringify(buttondownBody(req));

  let url = `${base}/v1/emails`;
  let response: Response | undefined;
  // A move within the same address (307/308, body kept) is followed, up to three times; any other redirect is not.
  for (let hops = 0; hops <= 3; hops++) {
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Token ${opts.apiKey}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body,
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      const code = cause?.code ?? (error as { code?: string }).code;
      if (code && NEVER_ARRIVED.has(code))
        throw new SendError(
          `Could not reach ${base} (${code}); nothing was created.\n  Fix: check the network connection (and BUTTONDOWN_API_URL, if set), then try again.`,
        );
      const timedOut = signal.aborted;
      throw new SendError(
        `${timedOut ? `Buttondown did not answer within ${timeoutMs / 1000} s` : `The connection to ${base} broke off (${printable(code ?? (error as Error).message, 80)})`} after the request was sent.\n  Fix: ${CHECK_DRAFTS}`,
      );
    }
    if (response.status < 300 || response.status >= 400) break;
    const location = response.headers.get('location');
    const next = location ? new URL(location, url) : undefined;
    if (
      !next ||
      next.origin !== new URL(url).origin ||
      (response.status !== 307 && response.status !== 308) ||
      hops === 3
    )
      throw new SendError(
        `Buttondown answered HTTP ${response.status}, a move to ${next ? printable(next.origin, 100) : 'nowhere'}, which was not followed: the request carries the API key and the edition.\n  Fix: check BUTTONDOWN_API_URL (unset, it is ${BUTTONDOWN_API}); nothing was created at the address moved to.`,
      );
    url = next.href;
  }
  const res = response!;

  let text: string;
  try {
    text = await res.text();
  } catch {
    if (res.status === 201 || res.status === 200)
      return {
        id: '',
        note: `Buttondown accepted the draft (HTTP ${res.status}) but its answer broke off before the end, so its id is unknown; it is in Emails → Drafts.`,
      };
    throw new SendError(
      `Buttondown answered HTTP ${res.status}, and the rest of its answer ${signal.aborted ? `did not arrive within ${timeoutMs / 1000} s` : 'broke off'}.\n  Fix: ${CHECK_DRAFTS}`,
    );
  }
  if (res.status === 201 || res.status === 200) {
    let id = '';
    try {
      const parsed = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof parsed === 'string' || typeof parsed === 'number') id = printable(String(parsed), 80);
    } catch {
      // A success without a readable body still created the draft.
    }
    return { id };
  }
  const detail = serviceDetail(text);
  if (res.status === 401 || res.status === 403) {
    throw new SendError(
      `Buttondown refused the API key (HTTP ${res.status}).\n  Fix: copy the key again from Settings → API in Buttondown into BUTTONDOWN_API_KEY (with permission to write emails); nothing was created.`,
    );
  }
  if (res.status === 429) {
    const wait = printable(res.headers.get('retry-after') ?? '', 20);
    throw new SendError(
      `Buttondown is rate-limiting requests (HTTP 429)${wait ? `; it asks to wait ${wait} s` : ''}.\n  Fix: run npm run send again later; nothing was created.`,
    );
  }
  throw new SendError(
    `Buttondown answered HTTP ${res.status}${detail ? `: ${detail}` : ''}.\n  Fix: correct what it names above. ${CHECK_DRAFTS}`,
  );
}
