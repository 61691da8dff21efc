import { preview, type PreviewServer } from 'vite';

/**
 * The built app (dist/, or ONEMAP_DIST_DIR when several builds coexist) served by `vite
 * preview` on a free port, with a given dataset at /demo/.
 */
export async function startPreview(dataDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  process.env.ONEMAP_DEMO_DIR = dataDir;
  const outDir = process.env.ONEMAP_DIST_DIR ?? 'dist';
  const server: PreviewServer = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a TCP address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
