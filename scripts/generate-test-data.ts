/**
 * Generate a dataset with the given generator arguments (as one JSON array) unless the
 * one in place was made from the same arguments and sources (its stamp.txt says so).
 *   npx tsx scripts/generate-test-data.ts '["--events","30000","--out","data/test-demo"]'
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { datasetFingerprint } from './lib/fingerprint.mjs';

const args = JSON.parse(process.argv[2] ?? '[]') as string[];
const out = args[args.indexOf('--out') + 1];
if (!args.includes('--out') || !out) throw new Error('generate-test-data: the arguments must include --out DIR');
const stamp = `${out}/stamp.txt`;
const fingerprint = datasetFingerprint(args);
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
  process.stderr.write(`[generate] ${out} is up to date\n`);
} else {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-demo.ts', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, fingerprint);
}
