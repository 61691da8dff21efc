import { EVENT_COLUMN_TYPES } from '../sql/load';
import { OPTIONAL_TABLE_COLUMNS } from '../domain/events';
import { sqlIdentifier } from '../sql/literal';
import { EVENT_STORE, eventsLocation, materializeEvents, releaseEventStore } from '../sql/event-store';
import { dropStaging, mergeStaging, stagingChecks, STAGING_TABLE, swapInStaging, tableColumns } from '../sql/refresh';
import { rowsOf } from './columns';
import type { Database } from './database';

export type RefreshUpdate = 'replace' | 'append';

export interface RefreshOutcome {
  /** Events in the table after the refresh. */
  rows: number;
  /** Rows read from the source. */
  incoming: number;
  /** The newest reported_at in the table ("YYYY-MM-DD HH:MM:SS"), to move the data time forward. */
  newestReport: string | null;
}

/** Rejected source data: the message says what was wrong, and the current table is untouched. */
export class InvalidEventsError extends Error {
  override readonly name = 'InvalidEventsError';
}

// Every Arrow IPC stream message starts with this continuation marker (0xFFFFFFFF).
function isArrowStream(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
}

/**
 * Adds, empty, the optional columns (OPTIONAL_TABLE_COLUMNS) that `table` lacks: data made
 * before a column existed (a dataset stored in the browser, a live feed written to the older
 * schema) stays loadable, and every query can name the column.
 */
export async function addMissingOptionalColumns(db: Database, table: string): Promise<void> {
  const present = new Set(rowsOf(await db.query(tableColumns(table))).map((c) => String(c.column_name)));
  for (const column of OPTIONAL_TABLE_COLUMNS) {
    if (!present.has(column)) await db.query(`ALTER TABLE ${sqlIdentifier(table)} ADD COLUMN ${sqlIdentifier(column)} ${EVENT_COLUMN_TYPES[column]}`);
  }
}

/** Why a staging table's columns are not the events schema, or null when they are. */
export function schemaProblem(columns: { column_name: string; data_type: string }[]): string | null {
  if (columns.length === 0) return 'no table came out of it (not an Arrow IPC stream of events?)';
  const found = new Map(columns.map((c) => [c.column_name, c.data_type]));
  const expected = Object.entries(EVENT_COLUMN_TYPES);
  // An optional column absent is added, empty, by addMissingOptionalColumns; only the others are required.
  const missing = expected.filter(([name]) => !found.has(name) && !(OPTIONAL_TABLE_COLUMNS as readonly string[]).includes(name)).map(([name]) => name);
  if (missing.length > 0) return `columns missing: ${missing.join(', ')}`;
  const wrong = expected.filter(([name, type]) => found.has(name) && found.get(name) !== type).map(([name, type]) => `${name} is ${found.get(name)}, expected ${type}`);
  if (wrong.length > 0) return `wrong column types: ${wrong.join('; ')}`;
  const extra = columns.filter((c) => !(c.column_name in EVENT_COLUMN_TYPES)).map((c) => c.column_name);
  if (extra.length > 0) return `unexpected columns: ${extra.join(', ')}`;
  return null;
}

/**
 * Load new event data (Arrow IPC stream bytes) into a staging table, check it (schema,
 * column types, not empty, every event with an id and a report time, ids unique), then swap
 * it in atomically (`replace`) or merge it by event_id (`append`). On any problem the
 * staging table is dropped, `events` is left as it was, and the error says why.
 */
export async function refreshEvents(db: Database, bytes: Uint8Array, update: RefreshUpdate, source = 'the source'): Promise<RefreshOutcome> {
  const reject = (why: string) => new InvalidEventsError(`Rejected events from ${source}: ${why}`);
  if (!isArrowStream(bytes)) throw reject(bytes.length === 0 ? 'the response is empty' : 'the response is not an Arrow IPC stream');
  await db.query(dropStaging());
  let incoming = 0;
  try {
    // Not sorted into EVENTS_ORDER here: the wall's source is written in it (pack-arrow.ts),
    // an append adds the newest rows, which belong at the end anyway, and a sort of a large
    // table every refresh would hold up the panels for seconds. Order changes speed only.
    await db.insertArrowIpc(STAGING_TABLE, bytes);
    await addMissingOptionalColumns(db, STAGING_TABLE);
    const problem = schemaProblem(rowsOf(await db.query(tableColumns(STAGING_TABLE))) as { column_name: string; data_type: string }[]);
    if (problem) throw reject(problem);
    const checks = rowsOf(await db.query(stagingChecks()))[0]!;
    incoming = Number(checks.row_count);
    if (incoming === 0) throw reject('it holds no events');
    if (Number(checks.incomplete) > 0) throw reject(`${String(checks.incomplete)} events lack an event_id or reported_at`);
    if (Number(checks.duplicate_ids) > 0) throw reject(`${String(checks.duplicate_ids)} event_id values occur more than once`);
    // The demo's attached events file is read-only: a merge works on an in-memory copy
    // (made once: seconds at a million events), which then comes first in the search path.
    if (update === 'append' && await eventsInFile(db)) await db.query(materializeEvents());
    try {
      await db.query(update === 'replace' ? swapInStaging() : mergeStaging());
    } catch (error) {
      // A statement failed inside the transaction: undo it so the connection stays usable.
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await db.query(releaseEventStore());
  } catch (error) {
    await db.query(dropStaging()).catch(() => undefined);
    throw error;
  }
  const after = rowsOf(await db.query(stagingChecks('events')))[0]!;
  return { rows: Number(after.row_count), incoming, newestReport: typeof after.newest_report === 'string' ? after.newest_report : null };
}

async function eventsInFile(db: Database): Promise<boolean> {
  const where = rowsOf(await db.query(eventsLocation()))[0];
  return where?.database_name === EVENT_STORE;
}
