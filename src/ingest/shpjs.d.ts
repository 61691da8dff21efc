// shpjs ships no types; only the entry point ingest uses is declared.
declare module 'shpjs' {
  export function parseZip(buffer: ArrayBuffer | Uint8Array): Promise<unknown>;
}
