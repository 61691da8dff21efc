import { describe, expect, it } from 'vitest';
import { createLogger } from 'vite';
import { quietLogger } from '../../scripts/lib/quiet-logger';

describe('the dev server\'s logger (issue #15 point 11)', () => {
  it('replaces the hundred source-map warnings of duckdb-wasm by one line and lets every other warning through', () => {
    const printed: string[] = [];
    const base = createLogger('info', { allowClearScreen: false });
    base.warnOnce = (message) => { printed.push(message); };
    const logger = quietLogger(base);
    for (let i = 0; i < 117; i++) logger.warnOnce(`\u001b[33mSourcemap for "/x/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js" points to a source file outside its package: "/x/${i}.ts"\u001b[39m`);
    logger.warnOnce('Something else went wrong');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('@duckdb/duckdb-wasm');
    expect(printed[1]).toBe('Something else went wrong');
  });
});
