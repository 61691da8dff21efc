import { Table, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import { EVENT_TABLE_COLUMNS } from '../domain/events';
import { float64Vector, int8Vector, timestampMicrosecondVector, utf8Vector } from './arrow-columns';
import { TIMESTAMP_COLUMNS, type EventColumns, type TimestampColumn } from './event-columns';
import type { RawTable } from './raw-table';

const TIMESTAMPS: ReadonlySet<string> = new Set(TIMESTAMP_COLUMNS);

/**
 * Accepted events → an Arrow IPC stream that `Database.insertArrowIpc('events', …)`
 * turns into a table with EVENT_COLUMN_TYPES: Utf8 → VARCHAR, Int8 → TINYINT,
 * Float64 → DOUBLE, and timestamps as microseconds without zone → TIMESTAMP (a
 * millisecond Arrow type would arrive as TIMESTAMP_MS). Columns in EVENT_TABLE_COLUMNS order.
 */
export function eventsToArrowIpc(events: EventColumns): Uint8Array {
  const vectors: Record<string, Vector<DataType>> = {};
  for (const column of EVENT_TABLE_COLUMNS) {
    if (TIMESTAMPS.has(column)) vectors[column] = timestampMicrosecondVector(events[column as TimestampColumn]);
    else if (column === 'lon' || column === 'lat') vectors[column] = float64Vector(events[column]);
    else if (column === 'severity') vectors[column] = int8Vector(events.severity);
    else vectors[column] = utf8Vector(events[column] as (string | null)[]);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/**
 * A raw table with its own column names, every column VARCHAR: for loading a user's file
 * as it is (e.g. into a staging table for the SQL console). Names and values stay data.
 */
export function rawTableToArrowIpc(table: RawTable): Uint8Array {
  const vectors: Record<string, Vector<DataType>> = {};
  table.columns.forEach((name, k) => {
    vectors[name] = utf8Vector(table.rows.map((row) => row[k] ?? null));
  });
  return tableToIPC(new Table(vectors), 'stream');
}
