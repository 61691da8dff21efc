import { createTableFromCsv, UNIT_COLUMN_TYPES, EVENT_COLUMN_TYPES, EVENTS_ORDER } from '../sql/load';
import type { Database } from './database';
import { insertArrowChunks } from './insert-arrow-chunks';
import { attachEventStore, EVENT_STORE_FILE, MEMORY_EVENTS, releaseEventStore } from '../sql/event-store';

/** Where the demo files are served from, relative to the page (or read from, in Node). */
export interface DataSource { read(name: string): Promise<Uint8Array> }

export interface LoadTimings { unitsMs: number; eventsMs: number; rows: number }

/** How the events arrive: a DuckDB database file (the default), an Arrow IPC stream, or CSV. */
export type EventsFormat = 'duckdb' | 'arrow' | 'csv';

export const EVENTS_FILE: Record<EventsFormat, string> = { duckdb: EVENT_STORE_FILE, arrow: 'events.arrow', csv: 'events.csv' };

/** What a generated dataset's manifest.json says of its event files. */
export interface DatasetFiles { files?: Record<string, string>; event_store?: string }

/** The fastest format a generated dataset offers (older datasets have no events.duckdb). */
export function bestEventsFormat(manifest: DatasetFiles): EventsFormat {
  if (manifest.event_store === EVENT_STORE_FILE) return 'duckdb';
  return manifest.files && !('events.arrow' in manifest.files) ? 'csv' : 'arrow';
}

/**
 * Load units (CSV) and events into fresh tables (the events of a previous load, in memory
 * or in an attached file, are dropped first).
 *
 * Events come as a DuckDB database file by default (see sql/event-store.ts): it is attached,
 * not copied, so a million events are ready in well under a second. From Arrow IPC the
 * events table is built in wasm, 4.3–5.6 s for 1M events in the wasm build under Node:
 * even a copy of the finished table inside DuckDB takes 3.2 s, and dictionary-encoding the
 * text columns made the file larger and the insert slower (docs/data-format.md).
 */
export async function loadDataset(db: Database, source: DataSource, format: EventsFormat = 'duckdb'): Promise<LoadTimings> {
  const t0 = performance.now();
  await db.registerFile('units.csv', await source.read('units.csv'));
  await db.query(createTableFromCsv('units', 'units.csv', UNIT_COLUMN_TYPES));
  const t1 = performance.now();
  await db.query(releaseEventStore());
  await db.query(`DROP TABLE IF EXISTS ${MEMORY_EVENTS}`);
  if (format === 'duckdb') {
    await db.registerFile(EVENT_STORE_FILE, await source.read(EVENT_STORE_FILE));
    await db.query(attachEventStore());
  } else if (format === 'arrow') {
    // The generator writes events.arrow in EVENTS_ORDER (scripts/lib/pack-arrow.ts) and the
    // insert keeps it, so no sort here: it would add seconds at a million rows. A file in
    // another order gives the same answers, only slower drill-downs. In pieces of 64 MB:
    // one insert of the whole file needs its bytes and the table in wasm memory at once,
    // and wasm memory ends at 4 GB (5M events: a 1.8 GB file and a 2 GB table).
    await insertArrowChunks(db, 'events', [await source.read('events.arrow')]);
  } else {
    await db.registerFile('events.csv', await source.read('events.csv'));
    await db.query(createTableFromCsv('events', 'events.csv', EVENT_COLUMN_TYPES, EVENTS_ORDER));
  }
  const t2 = performance.now();
  const count = await db.query('SELECT count(*)::INTEGER AS n FROM events');
  return { unitsMs: t1 - t0, eventsMs: t2 - t1, rows: Number(count.getChild('n')?.get(0) ?? 0) };
}
