// What a generated dataset depends on: the generator's arguments and source files and the
// real reference data. When any of them changes, the dataset is made again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['scripts/generate-demo.ts', 'scripts/generate', 'scripts/lib/pack-arrow.ts', 'scripts/lib/pack-duckdb.ts', 'src/domain', 'src/sql/load.ts', 'data/lishui'];

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** A SHA-256 over the generator arguments and every input file. */
export function datasetFingerprint(args) {
  const hash = createHash('sha256').update(JSON.stringify(args));
  for (const file of INPUTS.flatMap(files)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}
