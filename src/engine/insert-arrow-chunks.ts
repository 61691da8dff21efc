import { arrowIpcChunks, DEFAULT_CHUNK_BYTES } from './arrow-ipc-chunks';
import type { Database } from './database';

/**
 * Create `table` from an Arrow IPC stream that arrives in byte pieces (a fetch body, a
 * file read in parts, or one whole buffer), inserting it a piece of about `chunkBytes` at a
 * time (see arrow-ipc-chunks.ts for why). While the engine inserts one piece the next is
 * cut, so the download and the cutting overlap the insert; at most two pieces are held.
 * Returns how many pieces were inserted.
 */
export async function insertArrowChunks(db: Database, table: string, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, chunkBytes = DEFAULT_CHUNK_BYTES): Promise<number> {
  let inserted = 0;
  let pending: Promise<void> | null = null;
  try {
    for await (const piece of arrowIpcChunks(bytes, chunkBytes)) {
      if (pending) await pending;
      pending = db.insertArrowIpc(table, piece, inserted === 0 ? 'create' : 'append');
      inserted++;
    }
    if (pending) await pending;
  } finally {
    // A failure while cutting must not leave an insert running unobserved.
    if (pending) await pending.catch(() => undefined);
  }
  return inserted;
}
