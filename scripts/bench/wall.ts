import { openBrowser } from '../lib/browser-session';
import { startPreview } from '../lib/preview-server';
import { runWallSoak, type WallSoakResult } from './wall-soak';

export interface WallSoakBench extends WallSoakResult { events: number; refreshSeconds: number }

/**
 * The wall display left running: `cycles` refreshes of its data source (the whole events
 * file fetched, validated and swapped in each time), with JS heap, DuckDB memory, DOM nodes
 * and canvases measured before and after (scripts/bench/wall-soak.ts). No tour, so that the
 * cycles are refreshes and not map flights (see scripts/bench-wall.ts).
 */
export async function benchWallSoak(dataDir: string, events: number, cycles: number, log: (message: string) => void): Promise<WallSoakBench> {
  const refreshSeconds = 0.2;
  const server = await startPreview(dataDir);
  const session = await openBrowser(server.url, { width: 1920, height: 1080 });
  try {
    await session.page.goto(`${server.url}/?mode=wall&bench=1&lang=zh&interval=0&refresh=${refreshSeconds}`);
    await session.page.waitForSelector('[data-testid="wall-kpis"][aria-busy="false"]', { timeout: 600_000 });
    let step = -1;
    const result = await runWallSoak(session.page, {
      cycles,
      onProgress: (done, total) => {
        const now = done < 0 ? -1 : Math.floor((done / total) * 10);
        if (now !== step) { step = now; log(`wall soak ${Math.max(0, done)}/${total}`); }
      },
    });
    if (session.foreignRequests.length > 0) throw new Error(`The wall made requests to other origins: ${session.foreignRequests.join(', ')}`);
    return { ...result, events, refreshSeconds };
  } finally {
    await session.close();
    await server.close();
  }
}
