/**
 * The site's Content Security Policy. Every script is a same-origin file
 * (no inline script, no eval; Pagefind's WebAssembly needs
 * 'wasm-unsafe-eval'). Style attributes are allowed because tables carry
 * their column alignment inline; no stylesheet comes from another origin.
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

/** For the `<meta http-equiv>` element (which cannot carry frame-ancestors). */
export function cspMeta(): string {
  return CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** For an HTTP header, where hosts support it: the meta policy plus framing protection. */
export function cspHeader(): string {
  return `${cspMeta()}; frame-ancestors 'none'`;
}
