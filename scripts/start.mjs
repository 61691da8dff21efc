// `npm start`: make the demo city when it is missing, then serve the dashboard.
// Plain JavaScript so that it runs before anything is compiled.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const manifest = 'data/demo/manifest.json';
if (!existsSync(manifest)) {
  console.log('[start] No demo city yet: generating it once (about a minute; `npm run generate` does it again).');
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-demo.ts', '--if-missing'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[start] The demo generator failed; see the message above.');
    process.exit(result.status ?? 1);
  }
}
console.log('[start] Starting the dashboard; open the "Local" address printed below.');
const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', ...process.argv.slice(2)], { stdio: 'inherit' });
vite.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => vite.kill(signal));
