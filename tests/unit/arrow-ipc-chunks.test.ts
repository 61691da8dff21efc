import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/engine/columns';
import { arrowIpcChunks } from '../../src/engine/arrow-ipc-chunks';
import { insertArrowChunks } from '../../src/engine/insert-arrow-chunks';
import { createNodeDatabase } from '../../src/engine/node';

type NodeDb = Awaited<ReturnType<typeof createNodeDatabase>>;

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const piece of source) out.push(piece);
  return out;
}

/** The same bytes as a stream of pieces of `size` (what a fetch body gives). */
function* inPieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('cutting an Arrow IPC stream into insertable pieces', () => {
  let db: NodeDb;
  let ipc: Uint8Array;
  const ROWS = 50_000;

  beforeAll(async () => {
    db = await createNodeDatabase();
    // About 2.5 MB in batches of 2,048 rows, with text, nulls and timestamps.
    ipc = db.exportArrowIpc(`SELECT range::INTEGER AS id, 'row ' || range AS label, CASE WHEN range % 7 = 0 THEN NULL ELSE range * 0.5 END AS half,
      TIMESTAMP '2026-01-01' + INTERVAL (range) MINUTE AS at FROM range(${ROWS})`);
  });
  afterAll(async () => { await db?.close(); });

  it('gives complete streams of whole batches that hold every row once, in order', async () => {
    const pieces = await collect(arrowIpcChunks([ipc], 256 * 1024));
    expect(pieces.length).toBeGreaterThan(3);
    const tables = pieces.map((p) => tableFromIPC(p));
    expect(tables.reduce((sum, t) => sum + t.numRows, 0)).toBe(ROWS);
    const ids = tables.flatMap((t) => Array.from(t.getChild('id')!.toArray() as Int32Array));
    expect(ids).toEqual(Array.from({ length: ROWS }, (_, i) => i));
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(256 * 1024 + 200 * 1024);
  });

  it('cuts a stream arriving in odd-sized pieces exactly as the whole buffer', async () => {
    const whole = await collect(arrowIpcChunks([ipc], 300_000));
    const streamed = await collect(arrowIpcChunks(inPieces(ipc, 997), 300_000));
    expect(streamed.map((p) => Buffer.from(p).toString('base64'))).toEqual(whole.map((p) => Buffer.from(p).toString('base64')));
  });

  it('inserts piece by piece into the same table as one insert', async () => {
    const pieces = await insertArrowChunks(db, 'chunked', [ipc], 200_000);
    expect(pieces).toBeGreaterThan(3);
    await db.insertArrowIpc('whole', ipc.slice());
    const same = rowsOf(await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM chunked EXCEPT ALL SELECT * FROM whole))::INTEGER AS extra,
      (SELECT count(*) FROM chunked)::INTEGER AS n, (SELECT bool_and(rowid = id) FROM chunked) AS in_order`))[0]!;
    expect(same).toEqual({ extra: 0, n: ROWS, in_order: true });
  });

  it('creates the table of a stream without rows', async () => {
    const empty = db.exportArrowIpc('SELECT 1::INTEGER AS a WHERE false');
    expect(await insertArrowChunks(db, 'empty_table', [empty])).toBe(1);
    expect(rowsOf(await db.query('SELECT count(*)::INTEGER AS n FROM empty_table'))[0]!.n).toBe(0);
  });

  it.each([
    ['an empty input', () => new Uint8Array(0), /the stream is empty/],
    ['bytes that are not Arrow', () => new TextEncoder().encode('event_id,channel\nE1,hotline\n'), /Not a readable Arrow IPC stream/],
    ['a stream cut in the middle of a batch', () => ipc.subarray(0, Math.floor(ipc.length / 2) + 3), /ends inside a message/],
  ])('refuses %s with a reason', async (_name, bytes, reason) => {
    await expect(collect(arrowIpcChunks([bytes()]))).rejects.toThrow(reason);
  });
});
