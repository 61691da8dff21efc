import { EVENT_COLUMNS, type EventColumn } from '../../domain/events';
import { OTHER_CATEGORY_CODE } from '../values';
import { LIFECYCLE_ORDER, TIMESTAMP_COLUMNS } from '../event-columns';
import { sqlString } from '../../sql/literal';
import { EVENTS_ORDER } from '../../sql/load';
import { lookupTable, CODED_COLUMNS, type CodedColumn } from './coded-lookups';
import { stagedColumn } from './stage-raw-table';

/**
 * The SQL of validateEvents' row rules (src/ingest/validate.ts), over `ingest_parsed`
 * (cells parsed by time-sql.ts, coordinate-sql.ts and text-layers.ts) joined with the
 * placement of the points (place-points.ts) and the lookups (coded-lookups.ts).
 * `rowsSql` makes one wide row per data row with every value and verdict;
 * `issueSelects` lists each rule as a SELECT of the rows that break it, with `ord` the
 * position of that check in validateEvents, so that issues come out in the JS order.
 */

/** What the rules need to know about the mapping, decided in JS once per file. */
export interface RuleContext {
  fileName: string;
  /** Event columns mapped to a column the file has. */
  mapped: ReadonlySet<EventColumn>;
  /** Event columns required but missing (reported once for the file and on every row). */
  missing: readonly EventColumn[];
  hasBoundaries: boolean;
  hasKnownCodes: boolean;
}

/** Columns whose text is kept as data: cleaned (control characters, length) and flagged as validateEvents' text() does. */
export const TEXT_COLUMNS = ['grid_code', 'category', 'subcategory', 'department', 'description', 'address', 'event_id'] as const satisfies readonly EventColumn[];
/** Of those, free text that no rule reads: only its flags are kept in ingest_rows, the cleaned text is made again for the events. */
export const FREE_TEXT_COLUMNS = ['subcategory', 'department', 'description', 'address'] as const satisfies readonly EventColumn[];

export const cell = (column: EventColumn): string => stagedColumn(column);
export const clean = (column: EventColumn): string => `txt_${column}`;
export const timeMs = (column: string): string => `t_${column}_ms`;
export const timeProblem = (column: string): string => `t_${column}_problem`;

const bool = (value: boolean): string => (value ? 'TRUE' : 'FALSE');

/** The lifecycle check: the first stage earlier than the latest stage before it, as 'column|ms|previous|ms'. */
function lifecycleArg(): string {
  const branches: string[] = [];
  for (let k = 1; k < LIFECYCLE_ORDER.length; k++) {
    const column = LIFECYCLE_ORDER[k]!;
    const earlier = LIFECYCLE_ORDER.slice(0, k).reverse();
    const previous = `coalesce(${earlier.map(timeMs).join(', ')})`;
    const previousName = `CASE ${earlier.map((e) => `WHEN ${timeMs(e)} IS NOT NULL THEN '${e}'`).join(' ')} END`;
    branches.push(`WHEN ${timeMs(column)} < ${previous} THEN '${column}|' || ${timeMs(column)} || '|' || ${previousName} || '|' || ${previous}`);
  }
  return `CASE ${branches.join('\n    ')} END`;
}

/** The furthest lifecycle stage reached (statusFromTimes). */
const STATUS_FROM_TIMES = `CASE WHEN ${timeMs('closed_at')} IS NOT NULL THEN 'closed' WHEN ${timeMs('resolved_at')} IS NOT NULL THEN 'resolved'
  WHEN ${timeMs('accepted_at')} IS NOT NULL THEN 'accepted' WHEN ${timeMs('dispatched_at')} IS NOT NULL THEN 'dispatched' ELSE 'reported' END`;

/**
 * One row per data row: what the issue selects, the verdict and the events read, nothing
 * more (every string column written costs more than the expressions that make it). `parsed`
 * is the relation of the parsed cells (validate-sql.ts), computed in the same statement.
 */
export function rowsSql(context: RuleContext, parsed: string): string {
  const coded = Object.keys(CODED_COLUMNS) as CodedColumn[];
  const codedJoins = coded.map((column) => `LEFT JOIN ${lookupTable(column)} AS lk_${column} ON lk_${column}.raw = p.${cell(column)}`);
  const codedValues = coded.flatMap((column) => [
    `lk_${column}.code AS ${column}_code`,
    `CASE WHEN p.${cell(column)} IS NOT NULL AND lk_${column}.code IS NULL THEN p.${cell(column)} END AS ${column}_unknown`,
  ]);
  const times = TIMESTAMP_COLUMNS.flatMap((column) => [timeMs(column), timeProblem(column), `t_${column}_text`]);
  const flags = TEXT_COLUMNS.flatMap((column) => [`${clean(column)}_ctl`, `${clean(column)}_cut`, `${clean(column)}_len`]);
  const unknownGrid = `(${clean('grid_code')} IS NOT NULL AND ${bool(context.hasKnownCodes)} AND known.code IS NULL)`;
  const coordinateRule = `CASE WHEN p.${cell('lon')} IS NULL AND p.${cell('lat')} IS NULL THEN NULL
    WHEN x_num IS NULL OR y_num IS NULL THEN 'coordinates_unparseable'
    WHEN x_num = 0 AND y_num = 0 THEN 'coordinates_zero'
    WHEN NOT (abs(x_num) <= 180 AND abs(y_num) <= 90) AND NOT (abs(y_num) <= 180 AND abs(x_num) <= 90) THEN 'coordinates_out_of_range'
    WHEN pl.swapped = 1 THEN 'coordinates_swapped' END`;
  const outside = `(pl._row IS NOT NULL AND ${bool(context.hasBoundaries)} AND codes.code IS NULL)`;
  return `SELECT _row, _line, _problem, ${[...times, ...flags].join(', ')},
  ${lifecycleArg()} AS life_arg,
  CASE WHEN ${timeMs('due_at')} < ${timeMs('reported_at')} THEN 'due_at|' || ${timeMs('due_at')} || '|reported_at|' || ${timeMs('reported_at')} END AS due_arg,
  (p.${cell('lon')} IS NOT NULL OR p.${cell('lat')} IS NOT NULL) AS has_coordinates,
  ${coordinateRule} AS coordinate_rule,
  CASE WHEN p.${cell('lon')} IS NOT NULL AND x_num IS NOT NULL AND y_num IS NULL THEN 'lat' ELSE 'lon' END AS coordinate_column,
  CASE WHEN ${coordinateRule} IS NOT NULL OR ${outside} THEN coalesce(p.${cell('lon')}, '') || ', ' || coalesce(p.${cell('lat')}, '') END AS coordinate_text,
  pl.lon AS lon, pl.lat AS lat,
  ${outside} AS outside,
  codes.code AS located,
  ${unknownGrid} AS grid_unknown,
  CASE WHEN ${unknownGrid} THEN ${clean('grid_code')} END AS grid_text,
  CASE WHEN ${unknownGrid} AND codes.code IS NOT NULL THEN codes.code ELSE coalesce(${clean('grid_code')}, codes.code) END AS grid_final,
  lk_severity.severity AS severity, lk_severity.problem AS severity_problem,
  CASE WHEN lk_severity.problem IS NOT NULL THEN p.${cell('severity')} END AS severity_text,
  lk_category.code AS category_code, ${clean('category')},
  ${codedValues.join(',\n  ')},
  CASE WHEN p.${cell('status')} IS NULL THEN ${STATUS_FROM_TIMES} ELSE lk_status.code END AS status_final,
  (${clean('event_id')} IS NULL) AS id_generated,
  coalesce(${clean('event_id')}, ${sqlString(`${context.fileName}#`)} || _line) AS id_final
FROM (${parsed}) AS p
LEFT JOIN ingest_place AS pl USING (_row)
LEFT JOIN ingest_codes AS codes ON codes.ix = pl.located
LEFT JOIN ingest_known_codes AS known ON known.code = ${clean('grid_code')}
LEFT JOIN ${lookupTable('severity')} AS lk_severity ON lk_severity.raw = p.${cell('severity')}
LEFT JOIN ${lookupTable('category')} AS lk_category ON lk_category.raw = ${clean('category')}
${codedJoins.join('\n')}`;
}

/** One issue source: rows of ingest_rows where `when` holds, reported under `column`. */
interface RuleSelect { ord: number; rule: string; column: string; when: string; value?: string; arg?: string }

function textChecks(column: EventColumn, ord: number): RuleSelect[] {
  return [
    { ord, rule: 'control_characters', column: `'${column}'`, when: `${clean(column)}_ctl` },
    { ord: ord + 1, rule: 'text_too_long', column: `'${column}'`, when: `${clean(column)}_cut`, arg: `CAST(${clean(column)}_len AS VARCHAR)` },
  ];
}

/** Every row rule but duplicate ids (which depend on the others' verdict), in validateEvents' order. */
export function issueSelects(context: RuleContext): string[] {
  const checks: RuleSelect[] = [];
  context.missing.forEach((column, j) => checks.push({ ord: 100 + j, rule: 'missing_required_column', column: `'${column}'`, when: 'TRUE' }));
  TIMESTAMP_COLUMNS.forEach((column, j) => {
    if (column === 'reported_at' && context.mapped.has('reported_at')) checks.push({ ord: 200 + j, rule: 'required_value_empty', column: `'${column}'`, when: `${timeMs(column)} IS NULL AND ${timeProblem(column)} IS NULL` });
    checks.push({ ord: 200 + j, rule: timeProblem(column), column: `'${column}'`, when: `${timeProblem(column)} IS NOT NULL`, value: `t_${column}_text` });
  });
  checks.push({ ord: 300, rule: 'lifecycle_out_of_order', column: "split_part(life_arg, '|', 1)", when: 'life_arg IS NOT NULL', arg: 'life_arg' });
  checks.push({ ord: 301, rule: 'lifecycle_out_of_order', column: "'due_at'", when: 'due_arg IS NOT NULL', arg: 'due_arg' });
  checks.push({ ord: 400, rule: 'coordinate_rule', column: 'coordinate_column', when: 'coordinate_rule IS NOT NULL', value: 'coordinate_text' });
  checks.push({ ord: 401, rule: 'outside_boundaries', column: "'lon'", when: 'outside', value: 'coordinate_text' });
  checks.push(...textChecks('grid_code', 402));
  checks.push({ ord: 404, rule: 'grid_code_unknown', column: "'grid_code'", when: 'grid_unknown', value: 'grid_text', arg: 'located' });
  checks.push({ ord: 405, rule: 'location_missing', column: "'lon'", when: 'NOT has_coordinates AND grid_final IS NULL' });
  if (context.mapped.has('lon') && context.mapped.has('lat')) checks.push({ ord: 405, rule: 'coordinates_missing', column: "'lon'", when: 'NOT has_coordinates AND grid_final IS NOT NULL' });
  checks.push({ ord: 500, rule: 'severity_problem', column: "'severity'", when: 'severity_problem IS NOT NULL', value: 'severity_text' });
  checks.push(...textChecks('category', 501));
  if (context.mapped.has('category')) checks.push({ ord: 503, rule: 'category_unknown', column: "'category'", when: 'category_code IS NULL', value: `coalesce(${clean('category')}, '')` });
  checks.push(...textChecks('subcategory', 504));
  (['channel', 'status', 'closed_level', 'outcome', 'satisfaction'] as const).forEach((column, j) => {
    checks.push({ ord: 510 + j, rule: 'value_unknown', column: `'${column}'`, when: `${column}_unknown IS NOT NULL`, value: `${column}_unknown` });
  });
  checks.push(...textChecks('department', 520), ...textChecks('description', 522), ...textChecks('address', 524), ...textChecks('event_id', 526));
  if (context.mapped.has('event_id')) checks.push({ ord: 528, rule: 'id_generated', column: "'event_id'", when: 'id_generated' });
  return checks.map((check) => {
    // A rule named by a column (time problems, the coordinate verdict) takes that column's value.
    const rule = check.rule.startsWith('t_') || check.rule === 'coordinate_rule' || check.rule === 'severity_problem' ? check.rule : `'${check.rule}'`;
    return `SELECT _row, _line, ${check.ord} AS ord, ${rule} AS rule, ${check.column} AS col, ${check.value ?? 'NULL'}::VARCHAR AS value, ${check.arg ?? 'NULL'}::VARCHAR AS arg FROM ingest_rows WHERE _problem = 0 AND ${check.when}`;
  });
}

/** Accepted events in EVENTS_ORDER, typed as EVENT_COLUMN_TYPES (src/sql/load.ts); `texts` is the relation of the cleaned free text. */
export function eventsSql(texts: string): string {
  const ts = (column: string): string => `make_timestamp(${timeMs(column)} * 1000) AS ${column}`;
  const values: Record<string, string> = {
    event_id: 'id_final', channel: 'channel_code', category: `coalesce(category_code, '${OTHER_CATEGORY_CODE}')`, subcategory: clean('subcategory'),
    severity: 'CAST(severity AS TINYINT)', lon: 'lon', lat: 'lat', grid_code: 'grid_final', department: clean('department'),
    status: 'status_final', closed_level: 'closed_level_code',
    outcome: 'outcome_code', satisfaction: 'satisfaction_code', description: clean('description'), address: clean('address'), category_text: clean('category'),
  };
  const select = [...EVENT_COLUMNS, 'category_text'].map((column) => ((TIMESTAMP_COLUMNS as readonly string[]).includes(column) ? ts(column) : `${values[column]} AS ${column}`));
  // Sorted once, here, into the app's physical order (src/sql/load.ts): drill-downs skip other units' rows.
  return `SELECT * FROM (SELECT ${select.join(', ')} FROM ingest_rows JOIN ingest_verdict USING (_row) JOIN (${texts}) AS texts USING (_row) WHERE NOT rejected) ORDER BY ${EVENTS_ORDER}`;
}
