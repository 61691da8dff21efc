import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Connect, Plugin } from 'vite';

/** What is worth compressing: text and wasm (34 MB of DuckDB becomes 5.9 MB with brotli). Images and data are left alone. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.wasm', '.map', '.txt']);
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};
/** Below this, compression saves less than a round trip is worth. */
const MIN_BYTES = 1024;
/**
 * Brotli quality 9: measured on duckdb-eh.wasm, 5.9 MB in 7.7 s; quality 11 gives 5.2 MB but
 * takes 88 s, too long for every build (npm test builds the app each run).
 */
const BROTLI_QUALITY = 9;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Writes `file.br` and `file.gz` beside every compressible file of the build, for servers that send them as they are. */
export function precompressBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'onemap-precompress',
    apply: 'build',
    configResolved: (config) => { outDir = resolve(config.root, config.build.outDir); },
    closeBundle: () => {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.has(extname(file)) || statSync(file).size < MIN_BYTES) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * `vite preview` sends the precompressed copy a browser accepts (brotli, else gzip), and
 * caches what can be cached: files under /assets/ carry a content hash in their name, so
 * they never change (a year, immutable); everything else is checked again at each visit.
 * A request with a Range header gets the plain file from Vite's own server (ranges of a
 * compressed stream mean nothing to the client).
 */
export function servePrecompressed(): Plugin {
  return {
    name: 'onemap-serve-precompressed',
    configurePreviewServer: (server) => {
      const root = resolve(server.config.root, server.config.build.outDir);
      const middleware: Connect.NextHandleFunction = (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        const immutable = path.startsWith('/assets/');
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (req.headers.range) return next();
        const file = normalize(join(root, path === '/' ? 'index.html' : path));
        if (!file.startsWith(root) || !COMPRESSIBLE.has(extname(file))) return next();
        const accepted = String(req.headers['accept-encoding'] ?? '');
        const encoding = /\bbr\b/.test(accepted) && existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accepted) && existsSync(`${file}.gz`) ? 'gzip' : null;
        if (!encoding) return next();
        const compressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', String(statSync(compressed).size));
        res.setHeader('Vary', 'Accept-Encoding');
        if (req.method === 'HEAD') { res.end(); return; }
        createReadStream(compressed).pipe(res);
      };
      server.middlewares.use(middleware);
    },
  };
}
