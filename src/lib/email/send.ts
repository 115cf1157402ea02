/**
 * Getting an edition to the email service: the checks that come first (no
 * drafts, no future-dated issues, a real site address), the Buttondown API
 * call that creates the edition as a draft, and what each failure means in
 * words. Only Buttondown has an API path here; the other presets print their
 * upload steps (see presets.ts).
 */
import { siteAddressProblem } from '../hosting/site-address.ts';

export const BUTTONDOWN_API = 'https://api.buttondown.com';

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

export interface DraftRequest {
  subject: string;
  /** The edition's HTML. */
  html: string;
  /** One sentence for the service's archive and previews. */
  description: string;
  /** The article on the site, which is the canonical copy. */
  canonicalUrl: string;
}

/** The JSON body Buttondown's POST /v1/emails takes for a draft (nothing is sent to subscribers). */
export function buttondownBody(req: DraftRequest): Record<string, string> {
  return {
    subject: req.subject,
    // Tells Buttondown's editor the body is finished HTML, not Markdown to convert.
    body: `<!-- buttondown-editor-mode: plaintext -->${req.html}`,
    description: req.description,
    canonical_url: req.canonicalUrl,
    status: 'draft',
  };
}

export class SendError extends Error {}

export interface ButtondownOptions {
  apiKey: string | undefined;
  /** Base URL of the API (a local fake in tests). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** Create the draft; returns Buttondown's id for it. Throws SendError with a readable message on any failure. */
export async function createButtondownDraft(req: DraftRequest, opts: ButtondownOptions): Promise<{ id: string }> {
  if (!opts.apiKey) {
    throw new SendError(
      'No Buttondown API key.\n  Fix: export BUTTONDOWN_API_KEY=… (Settings → API in Buttondown) in the shell or the CI secret; it is never read from the repository.',
    );
  }
  const base = (opts.baseUrl ?? BUTTONDOWN_API).replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${base}/v1/emails`, {
      method: 'POST',
      headers: {
        Authorization: `Token ${opts.apiKey}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(buttondownBody(req)),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SendError(
      `Could not reach ${base} (${cause?.code ?? cause?.message ?? (error as Error).message}).\n  Fix: check the network connection and try again; nothing was created.`,
    );
  }
  const text = await response.text();
  if (response.status === 201 || response.status === 200) {
    let id = '';
    try {
      const parsed = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof parsed === 'string' || typeof parsed === 'number') id = String(parsed);
    } catch {
      // A success without a readable body still created the draft.
    }
    return { id };
  }
  const detail = text.trim().slice(0, 300);
  if (response.status === 401 || response.status === 403) {
    throw new SendError(
      `Buttondown refused the API key (HTTP ${response.status}).\n  Fix: copy the key again from Settings → API in Buttondown into BUTTONDOWN_API_KEY; nothing was created.`,
    );
  }
  if (response.status === 429) {
    const wait = response.headers.get('retry-after');
    throw new SendError(
      `Buttondown is rate-limiting requests (HTTP 429)${wait ? `; it asks to wait ${wait} s` : ''}.\n  Fix: run npm run send again later; nothing was created.`,
    );
  }
  throw new SendError(
    `Buttondown answered HTTP ${response.status}${detail ? `: ${detail}` : ''}.\n  Fix: correct what it names above; look at your Buttondown drafts before sending again, in case one was created.`,
  );
}
