/**
 * Why DuckDB-WASM could not start, as far as the page can tell. The UI turns each reason
 * into an explanation and what to try (src/ui/startup-failures.ts); `detail` keeps the
 * browser's own words for whoever has to fix it.
 */
export type EngineStartReason =
  /** The browser has no WebAssembly at all (very old, or switched off by policy). */
  | 'no-webassembly'
  /** The engine's worker could not be created or died while starting (blocked, missing file). */
  | 'worker-failed'
  /** The engine file (duckdb-eh.wasm) could not be downloaded: missing, or the server refused it. */
  | 'wasm-unavailable'
  /** The file arrived but the browser would not compile it (a CSP without 'wasm-unsafe-eval', a damaged file, too little memory). */
  | 'wasm-rejected';

export class EngineStartError extends Error {
  override readonly name = 'EngineStartError';
  constructor(readonly reason: EngineStartReason, readonly detail: string) {
    super(`DuckDB-WASM could not start (${reason}): ${detail}`);
  }
}
