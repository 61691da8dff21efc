import { describe, expect, it } from 'vitest';
import { ingestCsvInChunks, parseCsv, suggestMapping, validateEvents } from '../../src/ingest';

/** Progress as the loader's bar sees it: rows done of the whole file, rising, ending at the total. */
function csvOf(rows: number): string {
  const lines = ['event_id,reported_at,category,lon,lat'];
  for (let i = 0; i < rows; i++) lines.push(`E${i},2026-03-01 08:00:00,noise,119.9,28.4`);
  return lines.join('\n');
}

describe('validation progress', () => {
  it('reports every 20,000 rows and once at the end, rising to the total', () => {
    const table = parseCsv(csvOf(45_000), 'progress.csv');
    const seen: [number, number][] = [];
    const result = validateEvents(table, suggestMapping(table.columns), { onProgress: (done, total) => seen.push([done, total]) });
    expect(result.counts.accepted).toBe(45_000);
    expect(seen).toEqual([[20_000, 45_000], [40_000, 45_000], [45_000, 45_000]]);
  });

  it('counts rows of the whole file when validated in chunks, not rows within a chunk', () => {
    const text = csvOf(25_000);
    const seen: number[] = [];
    const result = ingestCsvInChunks(text, 'progress.csv', suggestMapping(parseCsv(text.slice(0, 200), 'head.csv').columns), { chunkRows: 10_000, onProgress: (done) => seen.push(done) });
    expect(result.counts.accepted).toBe(25_000);
    expect(seen).toEqual([10_000, 20_000, 25_000]);
  });
});
