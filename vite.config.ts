import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import { quietLogger } from './scripts/lib/quiet-logger.js';
import { precompressBuild, servePrecompressed } from './scripts/lib/precompress.js';
import react from '@vitejs/plugin-react';
import { basemapOriginsForCsp } from './src/security/basemap-origins.js';
import { securityHeaders } from './src/security/csp.js';

// ONEMAP_DEMO_DIR lets the tests serve a small fixed dataset instead of the full demo.
const DEMO_DIR = resolve(import.meta.dirname, process.env.ONEMAP_DEMO_DIR ?? 'data/demo');
const TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.arrow': 'application/vnd.apache.arrow.stream',
};

/**
 * Serve the generated demo city at /demo/ from data/demo/ in dev and preview. It is kept
 * out of public/ on purpose: those files are hundreds of MB and a build would copy them.
 */
function serveDemoData(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/demo/')) return next();
    const name = decodeURIComponent(url.pathname.slice('/demo/'.length));
    const path = join(DEMO_DIR, name);
    if (name.includes('..') || name.includes('/') || !existsSync(path)) {
      res.statusCode = 404;
      res.end(`Not found: /demo/${name}. Run "npm run generate" to make the demo city.`);
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(path).size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(path).pipe(res);
  };
  return {
    name: 'onemap-demo-data',
    configureServer: (server) => { server.middlewares.use(middleware); },
    configurePreviewServer: (server) => { server.middlewares.use(middleware); },
  };
}

/**
 * Send the security headers of src/security/csp.ts with every response of `vite preview`,
 * as the documented deployment does (docs/deploy.md). A basemap on another origin in the
 * served onemap.config.json is added to the policy. The dev server keeps no CSP: Vite's
 * HMR client injects inline styles and evaluates updated modules, which the policy forbids.
 */
function securityHeadersInPreview(): Plugin {
  return {
    name: 'onemap-security-headers',
    configurePreviewServer: (server) => {
      const configFile = join(resolve(server.config.root, server.config.build.outDir), 'onemap.config.json');
      const origins = existsSync(configFile) ? basemapOriginsForCsp(JSON.parse(readFileSync(configFile, 'utf8')), configFile) : [];
      const headers = securityHeaders(origins);
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}

export default defineConfig({
  customLogger: quietLogger(),
  // The headers come first so that every response carries them, the demo data included.
  plugins: [react(), securityHeadersInPreview(), serveDemoData(), servePrecompressed(), precompressBuild()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, sourcemap: false },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
});
