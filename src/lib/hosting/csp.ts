/**
 * The site's Content Security Policy. Every script is a same-origin file
 * (no inline script, no eval; Pagefind's WebAssembly needs
 * 'wasm-unsafe-eval'). Style attributes are allowed because tables carry
 * their column alignment inline; no stylesheet comes from another origin.
 * Forms post to the site itself (search) and, when a newsletter service is
 * configured, to exactly its sign-up address (src/lib/email/newsletter.ts).
 */
export const CSP_DIRECTIVES: ReadonlyArray<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/**
 * For the `<meta http-equiv>` element (which cannot carry frame-ancestors). `signupAction` is the CSP
 * source of the newsletter sign-up form (`signupForm(...).cspSource`), added to form-action.
 */
export function cspMeta(signupAction?: string): string {
  if (signupAction !== undefined && !/^https?:\/\/[^\s;,']+$/.test(signupAction))
    throw new Error(`Not a CSP source for a form action: ${JSON.stringify(signupAction)}`);
  return CSP_DIRECTIVES.map(
    ([k, v]) => `${k} ${k === 'form-action' && signupAction ? `${v} ${signupAction}` : v}`,
  ).join('; ');
}

/** For an HTTP header, where hosts support it: the meta policy plus framing protection. */
export function cspHeader(signupAction?: string): string {
  return `${cspMeta(signupAction)}; frame-ancestors 'none'`;
}
