import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from '../../src/engine/load';

/** The fixed test dataset that `npm test` generates (scripts/test.mjs) before running vitest. */
export const TEST_DATA_DIR = resolve(process.env.ONEMAP_TEST_DATA ?? 'data/test-demo');

export function requireTestData(): { dir: string; asOf: string; source: DataSource } {
  const manifestPath = join(TEST_DATA_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`The test dataset is missing at ${TEST_DATA_DIR}: run "npm test" (it generates it) rather than vitest alone`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { as_of: string };
  return { dir: TEST_DATA_DIR, asOf: manifest.as_of, source: { read: async (name) => readFileSync(join(TEST_DATA_DIR, name)) } };
}
