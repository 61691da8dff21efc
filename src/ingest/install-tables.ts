import type { Database } from '../engine/database';
import { rowsOf } from '../engine/columns';
import { addMissingOptionalColumns, schemaProblem } from '../engine/refresh';
import { createTableFromCsv, sortEventsTable, UNIT_COLUMN_TYPES } from '../sql/load';
import { releaseEventStore } from '../sql/event-store';
import { stagingChecks, tableColumns } from '../sql/refresh';
import { dropLoadingTables, EVENTS_LOADING, loadingEventsOutside, loadingRootCount, swapInLoadingTables, UNITS_LOADING } from '../sql/user-tables';
import { USER_ROOT_CODE } from './user-units';

/** The units CSV is registered under this name for DuckDB's reader. */
const UNITS_FILE = 'units_loading.csv';

export interface InstalledTables { rows: number; newestReport: string | null }

/**
 * Replaces `events` and `units` by the user's data, all or nothing: both are built under
 * temporary names and checked (events schema, ids unique, every event under the root unit,
 * one root unit) before one transaction renames them in. Any failure drops the temporary
 * tables and leaves the data in use as it was (as the wall's live refresh does).
 */
export async function installUserTables(db: Database, eventsIpc: Uint8Array, unitsCsv: string): Promise<InstalledTables> {
  await db.query(dropLoadingTables());
  try {
    // A copy: the engine may take (detach) the buffer, and the caller still stores it.
    await db.insertArrowIpc(EVENTS_LOADING, eventsIpc.slice());
    await addMissingOptionalColumns(db, EVENTS_LOADING);
    const problem = schemaProblem(rowsOf(await db.query(tableColumns(EVENTS_LOADING))) as { column_name: string; data_type: string }[]);
    if (problem) throw new Error(`The events table came out wrong: ${problem}`);
    // The user's rows come in any order; in EVENTS_ORDER drill-downs skip other units' rows.
    await db.query(sortEventsTable(EVENTS_LOADING));
    const checks = rowsOf(await db.query(stagingChecks(EVENTS_LOADING)))[0]!;
    if (Number(checks.row_count) === 0) throw new Error('No event was accepted: nothing to load');
    if (Number(checks.duplicate_ids) > 0) throw new Error(`${String(checks.duplicate_ids)} event ids occur more than once`);
    await db.registerFile(UNITS_FILE, new TextEncoder().encode(unitsCsv));
    await db.query(createTableFromCsv(UNITS_LOADING, UNITS_FILE, { ...UNIT_COLUMN_TYPES, source_code: 'VARCHAR' }));
    const roots = rowsOf(await db.query(loadingRootCount()))[0]!;
    if (Number(roots.n) !== 1) throw new Error(`The units need exactly one top unit (found ${String(roots.n)})`);
    const outside = rowsOf(await db.query(loadingEventsOutside(USER_ROOT_CODE.slice(0, 2))))[0]!;
    if (Number(outside.n) > 0) throw new Error(`${String(outside.n)} events are not under the top unit`);
    try {
      await db.query(swapInLoadingTables());
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await db.query(releaseEventStore());
    return { rows: Number(checks.row_count), newestReport: typeof checks.newest_report === 'string' ? checks.newest_report : null };
  } catch (error) {
    await db.query(dropLoadingTables()).catch(() => undefined);
    throw error;
  }
}
