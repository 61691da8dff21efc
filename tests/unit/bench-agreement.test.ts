import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { NativeDuckDB } from '../../scripts/bench/native';
import { parsePlainEvents, readPlainEvents, type PlainEvent } from '../../scripts/bench/plain-events';
import { ALL_QUESTIONS, compareAnswers } from '../../scripts/bench/questions';
import { requireTestData } from '../support/test-data';

// The benchmark only reports times after this same check passes; here it runs at small size.
describe('benchmark answers agree: DuckDB-WASM, native DuckDB and plain JS', () => {
  const data = requireTestData();
  let wasm: Database;
  let native: NativeDuckDB;
  let plain: PlainEvent[];
  beforeAll(async () => {
    wasm = await createNodeDatabase();
    await loadDataset(wasm, data.source, 'duckdb');
    native = await NativeDuckDB.open();
    await native.load(join(data.dir, 'events.csv'), join(data.dir, 'units.csv'));
    plain = parsePlainEvents(readFileSync(join(data.dir, 'events.csv'), 'utf8'));
  });
  afterAll(async () => { await wasm.close(); native.close(); });

  it('reads the CSV in pieces (as at 5M events) exactly as whole', () => {
    // 4,099 bytes: pieces end inside rows, quoted fields and multi-byte characters.
    const pieces = readPlainEvents(join(data.dir, 'events.csv'), { pieceBytes: 4099 });
    expect(pieces.length).toBe(plain.length);
    expect(pieces).toEqual(plain);
  });

  for (const question of ALL_QUESTIONS) {
    it(question.id, async () => {
      const sql = question.answerSql(data.asOf);
      const fromWasm = question.fromSql(rowsOf(await wasm.query(sql)));
      const fromNative = question.fromSql(await native.rows(sql));
      const fromJs = question.plainJs(plain, data.asOf);
      expect(fromWasm.length).toBeGreaterThan(0);
      expect(fromWasm.flat().some((v) => typeof v === 'number' && v > 0)).toBe(true);
      expect(compareAnswers(question.id, fromJs, fromWasm, ['plain JS', 'wasm'])).toBeNull();
      expect(compareAnswers(question.id, fromJs, fromNative, ['plain JS', 'native'])).toBeNull();
    });
  }
});
