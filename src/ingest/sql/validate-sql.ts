import type { ColumnEngine } from '../../engine/column-engine';
import { inBothLanguages } from '../../i18n';
import { EVENT_COLUMNS, type EventColumn } from '../../domain/events';
import { TIMESTAMP_COLUMNS } from '../event-columns';
import type { EventMapping } from '../mapping';
import { createIssue, RULES, type Issue, type RuleId } from '../rules';
import type { PolygonIndex } from '../spatial-index';
import { MAX_TEXT_LENGTH } from '../text';
import { CHINA_UTC_OFFSET_MINUTES } from '../time';
import { REQUIRED_COLUMNS, type ValidationCounts } from '../validate';
import { createCategoryLookup, createCodedLookup, createSeverityLookup, CODED_COLUMNS, type CodedColumn } from './coded-lookups';
import { coordinateLayers } from './coordinate-sql';
import { issueFromRow, type IssueRow } from './issue-objects';
import { placePoints } from './place-points';
import { cell, clean, eventsSql, FREE_TEXT_COLUMNS, issueSelects, rowsSql, TEXT_COLUMNS, type RuleContext } from './row-rules-sql';
import { stagedColumn, type StagedEvents } from './stage-raw-table';
import { cleanTextLayers, controlInRowLayer } from './text-layers';
import { layeredSelect, timestampLayers, zipLayers } from './time-sql';

export interface SqlValidateOptions {
  /** The finest boundaries (grids): points outside all of them are rejected, missing grid codes are assigned. */
  boundaries?: PolygonIndex;
  /** Grid codes of the boundaries, to flag codes in the file that no boundary has. */
  knownGridCodes?: ReadonlySet<string>;
  cityUtcOffsetMinutes?: number;
  maxTextLength?: number;
  /** Called after each step (a handful per file), so that a worker can drive a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The outcome of SQL validation: counts in full, like ValidationResult; the row-level
 * details stay in the engine (tables `ingest_rows`, `ingest_issues`, `ingest_verdict`) and
 * are read on demand, so that a million rows never become a million JS objects. The
 * staged table must stay until eventsSql has run (the free text is read from it).
 */
export interface SqlValidation {
  fileName: string;
  counts: ValidationCounts;
  byRule: Partial<Record<RuleId, number>>;
  fileIssues: Issue[];
  /** Row issues in validateEvents' order (by row, then by check), the first `limit` of them; file issues first. */
  issues(limit?: number): Promise<Issue[]>;
  acceptedRows(): Promise<Int32Array>;
  rejectedRows(): Promise<Int32Array>;
  /** A SELECT of the accepted events with the events table's columns and types, in EVENTS_ORDER (src/sql/load.ts). */
  eventsSql: string;
}

/** Tables validation leaves in the engine (dropped by dropValidationTables). */
const TABLES = ['ingest_place', 'ingest_codes', 'ingest_known_codes', 'ingest_rows', 'ingest_issues', 'ingest_verdict', 'ingest_rules', 'ingest_read_issues',
  ...['severity', 'category', ...Object.keys(CODED_COLUMNS)].map((c) => `ingest_lookup_${c}`)];

export async function dropValidationTables(engine: ColumnEngine): Promise<void> {
  for (const table of TABLES) await engine.run(`DROP TABLE IF EXISTS ${table}`);
}

/** Which event columns are usable and which required ones are missing: validateEvents' file-level decisions. */
function ruleContext(staged: StagedEvents, mapping: EventMapping, options: SqlValidateOptions): RuleContext & { fileIssues: Issue[] } {
  const file = staged.fileName;
  const mapped = new Set<EventColumn>(EVENT_COLUMNS.filter((c) => mapping.columns[c] !== undefined && staged.columns.includes(mapping.columns[c]!)));
  const fileIssues: Issue[] = [...staged.fileIssues];
  const missing: EventColumn[] = REQUIRED_COLUMNS.filter((c) => !mapped.has(c));
  if (!(mapped.has('lon') && mapped.has('lat')) && !mapped.has('grid_code')) missing.push(mapped.has('lon') ? 'lat' : 'lon');
  if (staged.columns.length === 0) missing.length = 0;
  for (const column of missing) {
    const detail = mapping.columns[column] ? inBothLanguages((m) => m.data.details.mappedColumnMissing, { column: mapping.columns[column] }) : inBothLanguages((m) => m.data.details.notMapped, { column });
    fileIssues.push(createIssue(file, null, column, 'missing_required_column', null, detail));
  }
  if (!mapped.has('event_id') && staged.rowCount > 0) fileIssues.push(createIssue(file, null, 'event_id', 'id_generated', null, inBothLanguages((m) => m.data.details.allRows)));
  return { fileName: file, mapped, missing, hasBoundaries: options.boundaries !== undefined, hasKnownCodes: options.knownGridCodes !== undefined, fileIssues };
}

/** The staged cells of `columns`, NULL for those not mapped. */
function stagedSource(staged: StagedEvents, context: RuleContext, columns: readonly EventColumn[]): string {
  const cells = columns.map((c) => (context.mapped.has(c) ? stagedColumn(c) : `NULL::VARCHAR AS ${stagedColumn(c)}`));
  return `(SELECT _row, _line, _problem${cells.length ? `, ${cells.join(', ')}` : ''} FROM ${staged.table})`;
}


/** Cells parsed column-wise (time-sql.ts, coordinate-sql.ts, text-layers.ts): a SELECT, computed inside the statement that makes ingest_rows. */
function parsedSelect(staged: StagedEvents, context: RuleContext, offset: number, maxText: number): string {
  const layers = zipLayers([
    ...TIMESTAMP_COLUMNS.map((c) => timestampLayers(cell(c), `t_${c}`, offset)),
    coordinateLayers(cell('lon'), 'x'),
    coordinateLayers(cell('lat'), 'y'),
    [...controlInRowLayer(TEXT_COLUMNS.map(cell), 'row__ctl'), ...zipLayers(TEXT_COLUMNS.map((c) => cleanTextLayers(cell(c), clean(c), maxText, 'row__ctl')))],
  ]);
  // Neither the raw text of cleaned columns and times nor the cleaned free text goes further: what was made of it does.
  const drop = [...TEXT_COLUMNS, ...TIMESTAMP_COLUMNS].map(cell).concat(FREE_TEXT_COLUMNS.map(clean));
  return layeredSelect(stagedSource(staged, context, EVENT_COLUMNS), layers, drop);
}

/**
 * The cleaned free text by `_row`, for the events. A text without control characters and not
 * too long is its own cleaned form: only the rows that ingest_rows flagged are cleaned again.
 */
function textsSelect(staged: StagedEvents, context: RuleContext, maxText: number): string {
  const flagged = FREE_TEXT_COLUMNS.flatMap((c) => [`${clean(c)}_ctl`, `${clean(c)}_cut`]).join(' OR ');
  const layers = zipLayers(FREE_TEXT_COLUMNS.map((c) => cleanTextLayers(cell(c), clean(c), maxText)));
  const drop = ['_line', '_problem', ...FREE_TEXT_COLUMNS.map(cell), ...FREE_TEXT_COLUMNS.flatMap((c) => ['ctl', 'cut', 'len'].map((flag) => `${clean(c)}_${flag}`))];
  const source = stagedSource(staged, context, FREE_TEXT_COLUMNS);
  const fixed = layeredSelect(`(SELECT * FROM ${source} WHERE _row IN (SELECT _row FROM ingest_rows WHERE ${flagged}))`, layers, drop);
  const columns = FREE_TEXT_COLUMNS.map((c) => `CASE WHEN fixed._row IS NULL THEN s.${cell(c)} ELSE fixed.${clean(c)} END AS ${clean(c)}`);
  return `SELECT s._row, ${columns.join(', ')} FROM ${source} AS s LEFT JOIN (${fixed}) AS fixed ON fixed._row = s._row`;
}

/** Swaps, datum and boundaries decided in JS over columns of numbers, written back as `ingest_place` and `ingest_codes`. */
async function placeRows(engine: ColumnEngine, staged: StagedEvents, context: RuleContext, mapping: EventMapping, options: SqlValidateOptions): Promise<void> {
  const numbers = layeredSelect(stagedSource(staged, context, ['lon', 'lat']), zipLayers([coordinateLayers(cell('lon'), 'x'), coordinateLayers(cell('lat'), 'y')]));
  const points = await engine.columns(`SELECT _row, x_num AS x, y_num AS y FROM (${numbers})
    WHERE _problem = 0 AND x_num IS NOT NULL AND y_num IS NOT NULL AND NOT (x_num = 0 AND y_num = 0)
      AND ((abs(x_num) <= 180 AND abs(y_num) <= 90) OR (abs(y_num) <= 180 AND abs(x_num) <= 90)) ORDER BY _row`);
  const rows = points._row as Float64Array;
  const placed = placePoints(points.x as Float64Array, points.y as Float64Array, mapping.crs, options.boundaries);
  await engine.createTable('ingest_place', [
    { name: '_row', type: 'INTEGER', values: Int32Array.from(rows) },
    { name: 'swapped', type: 'INTEGER', values: placed.swapped },
    { name: 'lon', type: 'DOUBLE', values: placed.lon },
    { name: 'lat', type: 'DOUBLE', values: placed.lat },
    { name: 'located', type: 'INTEGER', values: placed.located },
  ]);
  await engine.createTable('ingest_codes', [
    { name: 'ix', type: 'INTEGER', values: Int32Array.from(placed.codes, (_, k) => k) },
    { name: 'code', type: 'VARCHAR', values: placed.codes },
  ]);
}

/** The rows every rule reads (coded values, known grid codes, rule outcomes) as small tables. */
async function createLookups(engine: ColumnEngine, staged: StagedEvents, context: RuleContext, mapping: EventMapping, options: SqlValidateOptions, maxText: number): Promise<void> {
  const raw = stagedSource(staged, context, ['severity', ...Object.keys(CODED_COLUMNS) as CodedColumn[]]);
  await createSeverityLookup(engine, raw, cell('severity'));
  await createCategoryLookup(engine, `(${layeredSelect(stagedSource(staged, context, ['category']), cleanTextLayers(cell('category'), clean('category'), maxText))})`, clean('category'), mapping.categoryValues);
  for (const column of Object.keys(CODED_COLUMNS) as CodedColumn[]) await createCodedLookup(engine, raw, cell(column), column);
  await engine.createTable('ingest_known_codes', [{ name: 'code', type: 'VARCHAR', values: [...(options.knownGridCodes ?? [])] }]);
  const rules = Object.keys(RULES) as RuleId[];
  await engine.createTable('ingest_rules', [
    { name: 'rule', type: 'VARCHAR', values: rules },
    { name: 'outcome', type: 'VARCHAR', values: rules.map((rule) => RULES[rule].outcome) },
  ]);
  const order = new Map<number, number>();
  await engine.createTable('ingest_read_issues', [
    { name: '_line', type: 'INTEGER', values: Int32Array.from(staged.readIssues, (issue) => issue.row!) },
    { name: 'k', type: 'INTEGER', values: Int32Array.from(staged.readIssues, (issue) => { const k = order.get(issue.row!) ?? 0; order.set(issue.row!, k + 1); return k; }) },
    { name: 'rule', type: 'VARCHAR', values: staged.readIssues.map((issue) => issue.rule) },
  ]);
}

/** Duplicate ids: among rows not rejected by any other rule, in file order, the first claims the id (as validateEvents does). */
const DUPLICATE_IDS = `INSERT INTO ingest_issues
SELECT _row, _line, 529 AS ord, 'duplicate_id' AS rule, 'event_id' AS col, id_final AS value, CAST(first_line AS VARCHAR) AS arg FROM (
  SELECT _row, _line, id_final, first_value(_line) OVER (PARTITION BY id_final ORDER BY _row) AS first_line, row_number() OVER (PARTITION BY id_final ORDER BY _row) AS n
  FROM ingest_rows WHERE _problem = 0 AND NOT id_generated
    AND _row NOT IN (SELECT _row FROM ingest_issues JOIN ingest_rules USING (rule) WHERE outcome = 'rejected')
) WHERE n > 1`;

const VERDICT = `CREATE OR REPLACE TABLE ingest_verdict AS
SELECT r._row, r._line, (r._problem = 1 OR coalesce(bool_or(o.outcome = 'rejected'), false)) AS rejected, count(i.rule) AS issues
FROM ingest_rows AS r LEFT JOIN ingest_issues AS i USING (_row) LEFT JOIN ingest_rules AS o ON o.rule = i.rule
GROUP BY r._row, r._line, r._problem`;

/**
 * Rows per rule as validateEvents counts them: a row once per rule; the file-level
 * "required column missing" not per row; doubtful rules only on rows that are loaded.
 */
const BY_RULE = `SELECT i.rule, count(DISTINCT i._row)::INTEGER AS n
FROM ingest_issues AS i JOIN ingest_rules AS o USING (rule) JOIN ingest_verdict AS v USING (_row)
WHERE i.rule <> 'missing_required_column' AND NOT (v.rejected AND o.outcome = 'doubtful') GROUP BY i.rule`;

/**
 * validateEvents (src/ingest/validate.ts) in the engine: the same rules as SQL over the
 * staged table (stage-raw-table.ts), with the same counts, verdicts and messages. JS runs
 * only where SQL cannot: the swap, datum and boundary decisions over columns of numbers
 * (place-points.ts) and the vocabularies over distinct values (coded-lookups.ts).
 */
export async function validateInEngine(engine: ColumnEngine, staged: StagedEvents, mapping: EventMapping, options: SqlValidateOptions = {}): Promise<SqlValidation> {
  const offset = options.cityUtcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const maxText = options.maxTextLength ?? MAX_TEXT_LENGTH;
  const context = ruleContext(staged, mapping, options);
  const steps = 6;
  const progress = (step: number): void => options.onProgress?.(Math.round(staged.rowCount * step / steps), staged.rowCount);
  await placeRows(engine, staged, context, mapping, options);
  progress(1);
  await createLookups(engine, staged, context, mapping, options, maxText);
  progress(2);
  await engine.run(`CREATE OR REPLACE TABLE ingest_rows AS ${rowsSql(context, parsedSelect(staged, context, offset, maxText))}`);
  progress(3);
  const readIssueRows = `SELECT r._row, r._line, ri.k AS ord, ri.rule, NULL::VARCHAR AS col, NULL::VARCHAR AS value, NULL::VARCHAR AS arg
    FROM ingest_rows AS r JOIN ingest_read_issues AS ri USING (_line) WHERE r._problem = 0`;
  await engine.run(`CREATE OR REPLACE TABLE ingest_issues AS ${[readIssueRows, ...issueSelects(context)].join('\nUNION ALL\n')}`);
  progress(4);
  await engine.run(DUPLICATE_IDS);
  await engine.run(VERDICT);
  progress(5);

  const totals = await engine.columns(`SELECT count(*)::DOUBLE AS input, count(*) FILTER (WHERE rejected)::DOUBLE AS rejected,
    count(*) FILTER (WHERE NOT rejected AND issues > 0)::DOUBLE AS doubtful FROM ingest_verdict`);
  const input = (totals.input as Float64Array)[0]!;
  const rejected = (totals.rejected as Float64Array)[0]!;
  const counts: ValidationCounts = { input, accepted: input - rejected, rejected, doubtful: (totals.doubtful as Float64Array)[0]! };
  const byRule: Partial<Record<RuleId, number>> = {};
  const add = (rule: RuleId, n: number): void => { byRule[rule] = (byRule[rule] ?? 0) + n; };
  for (const issue of staged.problems.values()) add(issue.rule, 1);
  const perRule = await engine.columns(BY_RULE);
  (perRule.rule as string[]).forEach((rule, k) => add(rule as RuleId, (perRule.n as Float64Array)[k]!));
  for (const issue of context.fileIssues) add(issue.rule, 1);
  progress(6);

  const sourceName = (column: EventColumn): string => mapping.columns[column] ?? column;
  const readIssuesByLine = new Map<string, Issue>();
  const seen = new Map<number, number>();
  for (const issue of staged.readIssues) { const k = seen.get(issue.row!) ?? 0; seen.set(issue.row!, k + 1); readIssuesByLine.set(`${issue.row}:${k}`, issue); }
  const rowsOf = async (sql: string): Promise<Int32Array> => Int32Array.from((await engine.columns(sql))._row as Float64Array);
  return {
    fileName: staged.fileName, counts, byRule, fileIssues: context.fileIssues, eventsSql: eventsSql(textsSelect(staged, context, maxText)),
    acceptedRows: () => rowsOf('SELECT _row FROM ingest_verdict WHERE NOT rejected ORDER BY _row'),
    rejectedRows: () => rowsOf('SELECT _row FROM ingest_verdict WHERE rejected ORDER BY _row'),
    issues: async (limit?: number) => {
      const got = await engine.columns(`SELECT _row, _line, ord, rule, col, value, arg FROM ingest_issues ORDER BY _row, ord${limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : ''}`);
      const rows = got._row as Float64Array;
      const problems = [...staged.problems.entries()].sort((a, b) => a[0] - b[0]);
      const out: Issue[] = [...context.fileIssues];
      let p = 0;
      for (let i = 0; i < rows.length; i++) {
        while (p < problems.length && problems[p]![0] < rows[i]!) out.push(problems[p++]![1]);
        const ord = (got.ord as Float64Array)[i]!;
        const line = (got._line as Float64Array)[i]!;
        if (ord < 100) { out.push(readIssuesByLine.get(`${line}:${ord}`)!); continue; }
        const row: IssueRow = { line, rule: (got.rule as string[])[i] as RuleId, column: (got.col as (string | null)[])[i] ?? null, value: (got.value as (string | null)[])[i] ?? null, arg: (got.arg as (string | null)[])[i] ?? null };
        out.push(issueFromRow(staged.fileName, row, sourceName, maxText));
      }
      // Rejected-while-reading rows after the last SQL issue (all of them when there is no limit).
      if (limit === undefined || rows.length < limit) while (p < problems.length) out.push(problems[p++]![1]);
      return limit === undefined ? out : out.slice(0, context.fileIssues.length + limit);
    },
  };
}
