/**
 * Where the page's main-thread time goes while it loads: a CPU profile of the built app,
 * summarised by function (self time). For finding start-up costs, not for timing.
 *   npx tsx scripts/profile-load.ts [--data data/test-demo] [--query "?unit=331102"]
 */
import { parseArgs } from './lib/args';
import { openBrowser } from './lib/browser-session';
import { startPreview } from './lib/preview-server';
const args = parseArgs(process.argv.slice(2), ['data', 'query'], []);
const server = await startPreview(args.values.data ?? 'data/test-demo');
const s = await openBrowser(server.url);
const cdp = await s.context.newCDPSession(s.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await cdp.send('Profiler.start');
const t = Date.now();
const query = args.values.query ?? '?unit=331102';
await s.page.goto(`${server.url}/${query}${query.includes('?') ? '&' : '?'}bench=1`);
await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 200000 });
console.log('ready', Date.now() - t);
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
const self = new Map<string, number>();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id)!; const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
await s.close(); await server.close();
