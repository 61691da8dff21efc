import { inBothLanguages } from '../i18n';
import { tableFromIPC, Type, type DataType, type Table, type Vector } from 'apache-arrow';
import { emptyTable, uniqueColumnNames, type RawTable } from './raw-table';
import { createIssue } from './rules';
import { formatLocalTimestamp } from './time';

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * One Arrow column as text cells. A timestamp without zone is wall-clock time and is
 * written as such; one with a zone is an instant and is written as ISO UTC ("…Z"), which
 * time.ts then converts to the city's time like any zoned text.
 */
function columnText(vector: Vector<DataType>): (string | null)[] {
  const type = vector.type as DataType & { timezone?: string | null };
  const out: (string | null)[] = new Array(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const value: unknown = vector.get(i);
    if (value === null || value === undefined) { out[i] = null; continue; }
    switch (type.typeId) {
      case Type.Timestamp: out[i] = type.timezone ? new Date(Number(value)).toISOString() : formatLocalTimestamp(Number(value)); break;
      case Type.Date: out[i] = formatLocalTimestamp(value instanceof Date ? value.getTime() : Number(value)).slice(0, 10); break;
      default:
        out[i] = typeof value === 'object' ? jsonText(value) : String(value);
    }
  }
  return out;
}

/** An Arrow table → a raw table (every column as text, for the one validator). */
export function rawTableFromArrow(table: Table, fileName: string): RawTable {
  if (table.numCols === 0) return emptyTable(fileName, createIssue(fileName, null, null, 'empty_file'));
  const names = uniqueColumnNames(table.schema.fields.map((f) => f.name), fileName);
  const columns = table.schema.fields.map((_, k) => columnText(table.getChildAt(k)!));
  const rows: (string | null)[][] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) rows[r] = columns.map((column) => column[r] ?? null);
  const issues = [...names.issues];
  if (table.numRows === 0) issues.unshift(createIssue(fileName, null, null, 'header_only'));
  return { fileName, columns: names.columns, rows, rowNumbers: Int32Array.from(rows, (_, i) => i + 1), rowProblems: new Array(rows.length).fill(null), issues };
}

/** Arrow IPC bytes (stream or file format) → a raw table; unreadable bytes give a file-level issue. */
export function readArrowIpc(bytes: Uint8Array, fileName: string): RawTable {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    return emptyTable(fileName, createIssue(fileName, null, null, 'unsupported_file', null, inBothLanguages((m) => m.data.details.arrowUnreadable, { message: (error as Error).message })));
  }
  // apache-arrow reads bytes without a schema as an empty table rather than failing.
  if (table.numCols === 0 && bytes.length > 0) {
    return emptyTable(fileName, createIssue(fileName, null, null, 'unsupported_file', null, inBothLanguages((m) => m.data.details.arrowNoSchema)));
  }
  return rawTableFromArrow(table, fileName);
}
