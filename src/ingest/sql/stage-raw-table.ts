import type { ColumnEngine, ColumnSpec } from '../../engine/column-engine';
import { EVENT_COLUMNS } from '../../domain/events';
import type { EventMapping } from '../mapping';
import type { RawTable } from '../raw-table';
import type { Issue } from '../rules';

/**
 * The table SQL validation reads (validate-sql.ts): one row per data row of the file, in
 * file order, with `_row` (0-based position), `_line` (source line, as RawTable.rowNumbers),
 * `_problem` (1 when reading already rejected the row: ragged, unterminated quote …) and one
 * VARCHAR column `c_<event column>` per mapped column that the file has. What the reader
 * found per row stays in JS (`problems`, `readIssues`) to be reported with its own words.
 */
export interface StagedEvents {
  table: string;
  fileName: string;
  /** The file's column names (a mapped column missing from them counts as unmapped). */
  columns: readonly string[];
  rowCount: number;
  /** Issues that rejected a row while reading, by `_row`. */
  problems: ReadonlyMap<number, Issue>;
  /** Issues about the file as a whole (row === null) and row issues from reading that did not reject the row. */
  fileIssues: readonly Issue[];
  readIssues: readonly Issue[];
}

/** The staged column of an event column. */
export function stagedColumn(column: string): string {
  return `c_${column}`;
}

/** A raw table read in JS (any format) → the staging table, mapped columns only. */
export async function stageRawTable(engine: ColumnEngine, table: RawTable, mapping: EventMapping, name = 'ingest_staged'): Promise<StagedEvents> {
  const n = table.rows.length;
  const problems = new Map<number, Issue>();
  const problem = new Int32Array(n);
  table.rowProblems.forEach((issue, r) => { if (issue) { problems.set(r, issue); problem[r] = 1; } });
  const columns: ColumnSpec[] = [
    { name: '_row', type: 'INTEGER', values: Int32Array.from({ length: n }, (_, i) => i) },
    { name: '_line', type: 'INTEGER', values: Int32Array.from(table.rowNumbers) },
    { name: '_problem', type: 'INTEGER', values: problem },
  ];
  for (const column of EVENT_COLUMNS) {
    const k = mapping.columns[column] === undefined ? -1 : table.columns.indexOf(mapping.columns[column]!);
    if (k >= 0) columns.push({ name: stagedColumn(column), type: 'VARCHAR', values: table.rows.map((row) => row[k] ?? null) });
  }
  await engine.createTable(name, columns);
  return {
    table: name, fileName: table.fileName, columns: table.columns, rowCount: n, problems,
    fileIssues: table.issues.filter((issue) => issue.row === null), readIssues: table.issues.filter((issue) => issue.row !== null),
  };
}
