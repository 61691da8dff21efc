import { createTableFromCsv, UNIT_COLUMN_TYPES, EVENT_COLUMN_TYPES, EVENTS_ORDER } from '../sql/load';
import type { Database } from './database';

/** Where the demo files are served from, relative to the page (or read from, in Node). */
export interface DataSource { read(name: string): Promise<Uint8Array> }

export interface LoadTimings { unitsMs: number; eventsMs: number; rows: number }

/**
 * Load units (CSV) and events (Arrow IPC, or CSV when the .arrow file is absent) into
 * fresh tables. Arrow IPC is the default because it skips parsing: see docs/data-format.md.
 * At 1M events this takes 4.7–5.4 s in the browser (npm run bench, shared machine), over
 * the 3 s target: the insert of 355 MB runs in single-threaded wasm (5.7–6.7 s in the wasm
 * build under Node). Dictionary-encoding the nine low-cardinality text columns (re-encoded
 * with apache-arrow) gave a larger file (403 MB) and a slower insert (7.4–8.5 s), so it was
 * not taken. Half of the bytes are free text (description, address, event_id: 174 of
 * 355 MB); loading those after the first screen is what remains, at the price of an events
 * table that is not whole until then (the SQL console, the event detail and repeated
 * complaints read them).
 */
export async function loadDataset(db: Database, source: DataSource, format: 'arrow' | 'csv' = 'arrow'): Promise<LoadTimings> {
  const t0 = performance.now();
  await db.registerFile('units.csv', await source.read('units.csv'));
  await db.query(createTableFromCsv('units', 'units.csv', UNIT_COLUMN_TYPES));
  const t1 = performance.now();
  await db.query('DROP TABLE IF EXISTS events');
  if (format === 'arrow') {
    // The generator writes events.arrow in EVENTS_ORDER (scripts/lib/pack-arrow.ts) and the
    // insert keeps it, so no sort here: it would add seconds at a million rows. A file in
    // another order gives the same answers, only slower drill-downs.
    await db.insertArrowIpc('events', await source.read('events.arrow'));
  } else {
    await db.registerFile('events.csv', await source.read('events.csv'));
    await db.query(createTableFromCsv('events', 'events.csv', EVENT_COLUMN_TYPES, EVENTS_ORDER));
  }
  const t2 = performance.now();
  const count = await db.query('SELECT count(*)::INTEGER AS n FROM events');
  return { unitsMs: t1 - t0, eventsMs: t2 - t1, rows: Number(count.getChild('n')?.get(0) ?? 0) };
}
