/**
 * Take a screenshot of the built app on a dataset, for looking at what was built:
 *   npx tsx scripts/screenshot.ts [--data data/demo] [--out .cache/screen.png] [--query "?lang=en"] [--width 1600 --height 900]
 */
import { openBrowser, startPreview } from '../tests/browser/harness';
import { parseArgs } from './lib/args';

const args = parseArgs(process.argv.slice(2), ['data', 'out', 'query', 'width', 'height'], []);
const server = await startPreview(args.values.data ?? 'data/demo');
const session = await openBrowser(server.url, { width: Number(args.values.width ?? 1600), height: Number(args.values.height ?? 900) });
try {
  const started = Date.now();
  await session.page.goto(`${server.url}/${args.values.query ?? ''}`);
  await session.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 120_000 });
  await session.page.waitForTimeout(1500);
  await session.page.screenshot({ path: args.values.out ?? '.cache/screen.png' });
  console.log(`ready after ${Date.now() - started} ms; console errors: ${JSON.stringify(session.consoleErrors)}; foreign requests: ${JSON.stringify(session.foreignRequests)}`);
} finally {
  await session.close();
  await server.close();
}
