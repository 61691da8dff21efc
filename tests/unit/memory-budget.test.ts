import { describe, expect, it } from 'vitest';
import { checkLoadFits, tooLargeMessage, WASM32_MEMORY_BYTES } from '../../src/engine/memory-budget';

const MB = 1024 ** 2;

describe('refusing a file too large for the in-browser engine, before reading it', () => {
  it.each([
    // [size, format, already used, fits]
    [353 * MB, 'arrow', 0, true], // the 1M-event benchmark file
    [1400 * MB, 'arrow', 0, true],
    [1500 * MB, 'arrow', 0, false], // 1500 × 2.15 > 3 GiB
    [1500 * MB, 'csv', 0, true],
    [1500 * MB, 'csv', 500 * MB, false], // what is loaded already counts
    [600 * MB, 'parquet', 0, false], // compressed: expands when decoded
    [400 * MB, 'parquet', 0, true],
    [0, 'geojson', 0, true],
  ] as const)('%d bytes of %s with %d in use: fits = %s', (size, format, used, fits) => {
    expect(checkLoadFits(size, format, used).fits).toBe(fits);
  });

  it('never counts more than the 4 GiB of 32-bit WebAssembly as available', () => {
    expect(checkLoadFits(1, 'csv').availableBytes).toBeLessThan(WASM32_MEMORY_BYTES);
    expect(checkLoadFits(1, 'csv', 10 * WASM32_MEMORY_BYTES).availableBytes).toBe(0);
  });

  it('refuses a nonsense size with the value', () => {
    expect(() => checkLoadFits(Number.NaN, 'csv')).toThrow(/got NaN/);
    expect(() => checkLoadFits(-1, 'csv')).toThrow(/got -1/);
  });

  it('names the file, its size and the limit in both languages, and says nothing was lost', () => {
    const verdict = checkLoadFits(2000 * MB, 'csv');
    const message = tooLargeMessage('events-2025.csv', 2000 * MB, verdict);
    expect(message.zh).toContain('events-2025.csv（2,000 MB）');
    expect(message.zh).toContain('已有数据不受影响');
    expect(message.en).toContain('events-2025.csv (2,000 MB) is too large');
    expect(message.en).toContain('the data already loaded is unchanged');
  });
});
