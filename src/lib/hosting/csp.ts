/**
 * The site's Content Security Policy. Every script is a same-origin file (no inline script, no eval).
 * WebAssembly may be compiled only where search runs: the search page and Pagefind's own files (its
 * worker compiles the index code), which get 'wasm-unsafe-eval'; no other page does. Style
 * attributes are allowed because tables carry their column alignment inline; no stylesheet comes
 * from another origin. Forms post to the site itself (search) and, when a newsletter service is
 * configured, to exactly its sign-up address (src/lib/email/newsletter.ts).
 */
export const CSP_DIRECTIVES: ReadonlyArray<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Where search runs WebAssembly: the search page and Pagefind's folder (its script and worker). */
export const WASM_PATHS: readonly string[] = ['/search/', '/pagefind/'];

/** Whether the page or file at this path may compile WebAssembly. */
export function needsWasm(path: string): boolean {
  return WASM_PATHS.some((p) => path.startsWith(p));
}

export interface CspOptions {
  /** The newsletter sign-up form's CSP source (`signupForm(...).cspSource`), added to form-action. */
  signupAction?: string;
  /** Allow WebAssembly ('wasm-unsafe-eval'): only where `needsWasm` says so. */
  wasm?: boolean;
}

/** For the `<meta http-equiv>` element (which cannot carry frame-ancestors). */
export function cspMeta({ signupAction, wasm = false }: CspOptions = {}): string {
  if (signupAction !== undefined && !/^https?:\/\/[^\s;,'*]+$/.test(signupAction))
    throw new Error(`Not a CSP source for a form action: ${JSON.stringify(signupAction)}`);
  return CSP_DIRECTIVES.map(([k, v]) => {
    if (k === 'form-action' && signupAction) return `${k} ${v} ${signupAction}`;
    if (k === 'script-src' && wasm) return `${k} ${v} 'wasm-unsafe-eval'`;
    return `${k} ${v}`;
  }).join('; ');
}

/** For an HTTP header, where hosts support it: the meta policy plus framing protection. */
export function cspHeader(opts: CspOptions = {}): string {
  return `${cspMeta(opts)}; frame-ancestors 'none'`;
}
