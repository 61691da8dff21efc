/** Generates the fixed test dataset with the arguments scripts/test.mjs passes (as JSON), and stamps them. */
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const args = JSON.parse(process.argv[2] ?? '[]') as string[];
const out = args[args.indexOf('--out') + 1];
if (!out) throw new Error('generate-test-data: the arguments must include --out DIR');
const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-demo.ts', ...args], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(`${out}/args.json`, JSON.stringify(args));
