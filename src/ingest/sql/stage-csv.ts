import type { ColumnEngine } from '../../engine/column-engine';
import { EVENT_COLUMNS } from '../../domain/events';
import { sqlString } from '../../sql/literal';
import type { CsvDialect } from '../csv-dialect';
import { DEFAULT_DIALECT } from '../csv-dialect';
import type { EventMapping } from '../mapping';
import { stagedColumn, type StagedEvents } from './stage-raw-table';

/**
 * A CSV file read by the engine itself (read_csv, every column VARCHAR) into the staging
 * table of SQL validation, mapped columns only: no cell becomes a JS string. The header
 * comes from the JS preview (`columns`, as the mapping step showed it); fields are read by
 * position, so renamed duplicate or empty header names do not matter.
 *
 * Limits, why this is not yet the page's reader (docs/ingest.md, "SQL validation"):
 * `_line` is the record's position + 2 (header on line 1), right only for files whose
 * records never span lines and that have no blank or comment lines; rows that read_csv
 * cannot split are not staged (no ragged-row issues); one-character delimiters and quotes only.
 */
export async function stageCsvFile(engine: ColumnEngine, pathSql: string, fileName: string, columns: readonly string[], mapping: EventMapping,
  dialect: CsvDialect = DEFAULT_DIALECT, name = 'ingest_staged'): Promise<StagedEvents> {
  const positional = columns.map((_, k) => `f${k}`);
  const types = `{${positional.map((f) => `'${f}': 'VARCHAR'`).join(', ')}}`;
  const escape = dialect.escape === 'backslash' ? '\\' : dialect.quote;
  const read = `read_csv(${pathSql}, header = false, skip = ${dialect.skipRows + (dialect.header ? 1 : 0)}, delim = ${sqlString(dialect.delimiter)},
    quote = ${sqlString(dialect.quote)}, escape = ${sqlString(escape)}, columns = ${types}, auto_detect = false)`;
  const cells = EVENT_COLUMNS.flatMap((column) => {
    const k = mapping.columns[column] === undefined ? -1 : columns.indexOf(mapping.columns[column]!);
    // JS reads an empty field, quoted or not, as empty (null); read_csv keeps "" as ''.
    return k >= 0 ? [`nullif(f${k}, '') AS ${stagedColumn(column)}`] : [];
  });
  // One table of the mapped cells only; insertion order is file order, so its rowid numbers
  // the records as the JS reader does, and a view adds the row columns without a copy.
  await engine.run(`CREATE OR REPLACE TABLE ${name}_cells AS SELECT ${cells.length ? cells.join(', ') : '1 AS none'} FROM ${read}`);
  await engine.run(`CREATE OR REPLACE VIEW ${name} AS SELECT CAST(rowid AS INTEGER) AS _row, CAST(rowid + 2 AS INTEGER) AS _line, 0 AS _problem, * FROM ${name}_cells`);
  const count = await engine.columns(`SELECT count(*)::DOUBLE AS n FROM ${name}`);
  return { table: name, fileName, columns, rowCount: (count.n as Float64Array)[0]!, problems: new Map(), fileIssues: [], readIssues: [] };
}
