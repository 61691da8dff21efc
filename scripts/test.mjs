// `npm test`: every test, unit and browser alike. Prepares what the tests need first:
// Chromium (from Debian), a small fixed demo dataset and a production build of the app.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const TEST_DATA = 'data/test-demo';
// The fixed dataset the tests are written against: change these and the expected numbers change.
const TEST_DATA_ARGS = ['--seed', 'lishui-test', '--events', '30000', '--days', '90', '--end', '2026-11-27', '--out', TEST_DATA];

function run(label, command, args, env = {}) {
  console.log(`[test] ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[test] ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`[test] Browser tests need Chromium: ${error.message}`);
  process.exit(1);
}

// Regenerated only when the arguments, the generator or the reference data changed.
run('Preparing the test dataset', process.execPath, ['--import', 'tsx', 'scripts/generate-test-data.ts', JSON.stringify(TEST_DATA_ARGS)]);
run('Type-checking', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
run('Building the app', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run('Running vitest', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium, ONEMAP_TEST_DATA: TEST_DATA });
