/**
 * The page's Content-Security-Policy and the other response headers of the built app.
 * This file is the one place they are defined: `vite preview` (vite.config.ts) sends
 * them, docs/deploy.md quotes them and tests/unit/csp.test.ts checks that the quote is
 * still exact, so the documented deployment and the tested one cannot drift apart.
 *
 * Each source is there for a reason found by running the app under the policy and
 * listening for `securitypolicyviolation` events (tests/browser/csp.test.ts).
 */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

export const CSP_DIRECTIVES: CspDirectives = {
  // Anything not named below: this origin only.
  'default-src': ["'self'"],
  // Our bundled modules only; 'wasm-unsafe-eval' lets DuckDB-WASM compile its .wasm
  // (WebAssembly.instantiate) without allowing eval() or new Function() of text.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // DuckDB's and maplibre's workers are files of this origin (bundled by Vite).
  'worker-src': ["'self'"],
  // fetch/XHR: the data files, the config and the wasm, all from this origin.
  'connect-src': ["'self'"],
  // maplibre's control icons are data: SVGs in its stylesheet.
  'img-src': ["'self'", 'data:'],
  // The bundled stylesheet. style="" markup stays refused (this also governs style-src-attr):
  // React and maplibre set styles through the CSSOM, which CSP does not govern.
  'style-src': ["'self'"],
  // <style> elements: CodeMirror (the SQL console) themes itself by inserting one (style-mod),
  // with content computed at run time, so neither a hash nor a static nonce can name it.
  // The risk is small: a stylesheet cannot run code, and cannot send anything out because
  // img-src, font-src and connect-src allow no other origin. Mounting the editor in a
  // shadow root (style-mod then uses adoptedStyleSheets) would let this go.
  'style-src-elem': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  // No plugins, no <base> rewriting, no form posting elsewhere, no framing by other sites.
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives that a basemap on another origin needs its origin added to (docs/basemap.md). */
export const BASEMAP_DIRECTIVES = ['connect-src', 'img-src'] as const;

/** The policy as a header value, with extra origins (e.g. a configured basemap's) where a basemap needs them. */
export function contentSecurityPolicy(extraOrigins: readonly string[] = [], directives: CspDirectives = CSP_DIRECTIVES): string {
  for (const origin of extraOrigins) {
    if (!/^https?:\/\/[^/\s;,']+$/.test(origin)) throw new Error(`CSP origin must be a scheme and host without a path, e.g. https://tiles.example.org (got ${JSON.stringify(origin)})`);
  }
  return Object.entries(directives)
    .map(([name, sources]) => {
      const extra = (BASEMAP_DIRECTIVES as readonly string[]).includes(name) ? extraOrigins.filter((o) => !sources.includes(o)) : [];
      return [name, ...sources, ...extra].join(' ');
    })
    .join('; ');
}

/** Every security header of the built app (the policy, and headers that cost nothing and close old holes). */
export function securityHeaders(extraOrigins: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(extraOrigins),
    // A CSV or GeoJSON served as text is never sniffed into HTML or script.
    'X-Content-Type-Options': 'nosniff',
    // Page URLs carry the view (unit, filters, event id): do not send them to anyone else.
    'Referrer-Policy': 'no-referrer',
    // Older browsers that ignore frame-ancestors.
    'X-Frame-Options': 'DENY',
    // No window of another site keeps a handle on ours (the app opens no cross-origin popup).
    'Cross-Origin-Opener-Policy': 'same-origin',
    // The app uses none of these; say so, so an injected script cannot ask either.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
