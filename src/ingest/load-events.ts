import type { Database } from '../engine/database';
import { sqlIdentifier } from '../sql/literal';

/**
 * Replaces `table` with the Arrow batches of an ingest, in order. The first batch creates
 * the table; the others go through a staging table and INSERT … SELECT, because
 * insertArrowIpc creates its table (the Node implementation does not append).
 */
export async function loadEventBatches(db: Database, batches: readonly Uint8Array[], table = 'events'): Promise<void> {
  const target = sqlIdentifier(table);
  const staging = sqlIdentifier(`${table}__ingest_batch`);
  await db.query(`DROP TABLE IF EXISTS ${target}`);
  for (const [i, batch] of batches.entries()) {
    if (i === 0) { await db.insertArrowIpc(table, batch); continue; }
    await db.query(`DROP TABLE IF EXISTS ${staging}`);
    await db.insertArrowIpc(`${table}__ingest_batch`, batch);
    await db.query(`INSERT INTO ${target} SELECT * FROM ${staging}`);
    await db.query(`DROP TABLE ${staging}`);
  }
}
