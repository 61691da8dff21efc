/**
 * Take a screenshot of the built app on a dataset, for looking at what was built:
 *   npx tsx scripts/screenshot.ts [--data data/demo] [--out .cache/screen.png] [--query "?lang=en"] [--width 1600 --height 900]
 *     [--wait CSS-SELECTOR (default: the map ready)] [--full]   (ONEMAP_DIST_DIR picks another build folder)
 */
import { openBrowser } from './lib/browser-session';
import { startPreview } from './lib/preview-server';
import { parseArgs } from './lib/args';

const args = parseArgs(process.argv.slice(2), ['data', 'out', 'query', 'width', 'height', 'wait'], ['full']);
const server = await startPreview(args.values.data ?? 'data/demo');
const session = await openBrowser(server.url, { width: Number(args.values.width ?? 1600), height: Number(args.values.height ?? 900) });
try {
  const started = Date.now();
  await session.page.goto(`${server.url}/${args.values.query ?? ''}`);
  await session.page.waitForSelector(args.values.wait ?? '[data-testid="map"][data-ready="true"]', { timeout: 120_000 });
  await session.page.waitForTimeout(1500);
  await session.page.screenshot({ path: args.values.out ?? '.cache/screen.png', fullPage: args.flags.has('full') });
  console.log(`ready after ${Date.now() - started} ms; console errors: ${JSON.stringify(session.consoleErrors)}; foreign requests: ${JSON.stringify(session.foreignRequests)}`);
} finally {
  await session.close();
  await server.close();
}
