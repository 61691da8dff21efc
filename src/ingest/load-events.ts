import type { Database } from '../engine/database';
import { sqlIdentifier } from '../sql/literal';

/**
 * Replaces `table` with the Arrow batches of an ingest, in order: the first batch creates
 * the table, the others are appended to it.
 */
export async function loadEventBatches(db: Database, batches: readonly Uint8Array[], table = 'events'): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${sqlIdentifier(table)}`);
  for (const [i, batch] of batches.entries()) await db.insertArrowIpc(table, batch, i === 0 ? 'create' : 'append');
}
