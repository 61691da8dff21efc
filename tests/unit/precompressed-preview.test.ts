import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/lib/preview-server';
import { requireTestData } from '../support/test-data';

/**
 * The built app as `npm run preview` serves it (issue #18): precompressed copies to a browser
 * that accepts them, hashed assets cached for a year, the page itself checked at every visit,
 * and ranges (the engine's 8-byte check of its wasm file) answered from the plain file.
 */
describe('the preview server\'s compression and caching', () => {
  const data = requireTestData();
  let server: Awaited<ReturnType<typeof startPreview>>;
  const asset = (prefix: string, extension: string) => readdirSync('dist/assets').find((name) => name.startsWith(prefix) && name.endsWith(extension))!;
  beforeAll(async () => { server = await startPreview(data.dir); });
  afterAll(async () => { await server?.close(); });

  it('sends the wasm engine brotli-compressed, as wasm, cached for a year', async () => {
    const name = asset('duckdb-eh', '.wasm');
    const response = await fetch(`${server.url}/assets/${name}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch in Node decodes brotli itself: the body is the wasm module, and it came smaller than that.
    const body = new Uint8Array(await response.arrayBuffer());
    expect([...body.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(Number(response.headers.get('content-length'))).toBeLessThan(body.length / 3);
  });

  it('answers a range from the plain file, and gzip to a client without brotli', async () => {
    const name = asset('duckdb-eh', '.wasm');
    const ranged = await fetch(`${server.url}/assets/${name}`, { headers: { 'Accept-Encoding': 'br', Range: 'bytes=0-7' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-encoding')).toBeNull();
    expect([...new Uint8Array(await ranged.arrayBuffer())]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    const script = asset('index-', '.js');
    const gzip = await fetch(`${server.url}/assets/${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
  });

  it('checks the page itself at every visit, so a new build is seen at once', async () => {
    const response = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });
});
