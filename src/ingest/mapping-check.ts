import { EVENT_COLUMNS, type EventColumn } from '../domain/events';
import { TIMESTAMP_COLUMNS } from './event-columns';
import { looksLikeUpdateStamp } from './columns';
import type { EventMapping } from './mapping';
import type { RawTable } from './raw-table';
import type { RuleId } from './rules';
import { formatLocalTimestamp, parseTimestamp } from './time';
import { parseCoordinate, REQUIRED_COLUMNS, validateEvents, type ValidateOptions } from './validate';

/** Rows the check looks at, spread over the whole table: enough for a 1 % share to be seen, fast at every mapping change. */
export const CHECK_SAMPLE_ROWS = 20_000;
/** A mapped column that alone rejects more than this share of rows is pointed out before validation (issue #14 point 3). */
export const RISK_SHARE = 0.01;

/** What a mapped column holds, for the mapping step: how often it is filled and its range or commonest values. */
export interface ColumnProfile {
  column: EventColumn;
  source: string;
  filled: number;
  of: number;
  /** Earliest and latest time (time columns) or smallest and largest number (lon, lat, severity), as text. */
  range: { min: string; max: string } | null;
  /** Values the time parser could not read (time columns), of `filled`. */
  unreadable: number;
  /** The commonest values with their counts (text columns). */
  common: { value: string; count: number }[];
}

/** A mapped column that, by itself, makes rows be rejected: the rows it costs and the rule behind most of them. */
export interface MappingRisk {
  column: EventColumn;
  source: string;
  /**
   * Other mapped columns that free exactly the same rows when left out (a closing time and
   * an update stamp that contradict each other): the rows are lost to the pair, and the
   * column named first is the likelier culprit (an update stamp before a real stage).
   */
  alongWith: { column: EventColumn; source: string }[];
  rule: RuleId;
  rows: number;
  of: number;
  share: number;
}

export interface MappingCheck {
  profiles: ColumnProfile[];
  risks: MappingRisk[];
  /** Rows looked at, and whether they are all the rows (counts exact) or a spread sample (estimates). */
  sampled: number;
  exact: boolean;
}

const NUMBER_COLUMNS: ReadonlySet<EventColumn> = new Set(['lon', 'lat', 'severity']);
/** Columns that cannot be left out to see what they cost: without them every row is rejected, or they come as a pair. */
const NOT_WEIGHED: ReadonlySet<EventColumn> = new Set([...REQUIRED_COLUMNS, 'lon', 'lat']);

/**
 * One row from each of `size` equal slices of the table (the whole table when it is small),
 * at an offset within its slice that varies by the golden ratio: a fixed stride would
 * alias with files that repeat a pattern every few rows (exports sorted by a cycle of
 * categories or days). Deterministic, so the same file gives the same estimate.
 */
function sampleTable(table: RawTable, size: number): RawTable {
  if (table.rows.length <= size) return table;
  const step = table.rows.length / size;
  const picked = Array.from({ length: size }, (_, k) => Math.min(table.rows.length - 1, Math.floor((k + ((k * 0.6180339887) % 1)) * step)));
  return {
    ...table,
    rows: picked.map((i) => table.rows[i]!),
    rowNumbers: Int32Array.from(picked, (i) => table.rowNumbers[i]!),
    rowProblems: picked.map((i) => table.rowProblems[i] ?? null),
    issues: table.issues.filter((issue) => issue.row === null),
  };
}

function profile(table: RawTable, column: EventColumn, source: string, offsetMinutes: number | undefined): ColumnProfile {
  const at = table.columns.indexOf(source);
  const result: ColumnProfile = { column, source, filled: 0, of: table.rows.length, range: null, unreadable: 0, common: [] };
  if (at < 0) return result;
  const isTime = (TIMESTAMP_COLUMNS as readonly string[]).includes(column);
  const isNumber = NUMBER_COLUMNS.has(column);
  let min = Infinity;
  let max = -Infinity;
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const raw = row[at];
    if (raw === null || raw === undefined || raw.trim() === '') continue;
    result.filled++;
    if (isTime) {
      const t = parseTimestamp(raw, offsetMinutes);
      if (typeof t !== 'number') { result.unreadable++; continue; }
      if (t < min) min = t;
      if (t > max) max = t;
    } else if (isNumber) {
      // Read as validation reads it (a decimal comma included), so the range shown is what will load.
      const n = parseCoordinate(raw);
      if (Number.isFinite(n)) { if (n < min) min = n; if (n > max) max = n; }
    } else if (counts.size < 5_000 || counts.has(raw)) counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }
  if (min <= max) result.range = isTime ? { min: formatLocalTimestamp(min).slice(0, 16), max: formatLocalTimestamp(max).slice(0, 16) } : { min: String(min), max: String(max) };
  result.common = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([value, count]) => ({ value, count }));
  return result;
}

/** The mapping without one column. */
function without(mapping: EventMapping, column: EventColumn): EventMapping {
  const columns = { ...mapping.columns };
  delete columns[column];
  return { ...mapping, columns };
}

/**
 * What the chosen mapping will do, before the whole file is validated: each mapped
 * column's range (an "updated" stamp chosen as the closing time shows dates later than
 * expected), and each optional column that alone rejects more than 1 % of rows, found by
 * validating a spread sample with and without it. Validation of the sample uses the same
 * rules and boundaries as the real one, so the estimate has no second definition to drift.
 */
export function checkMapping(table: RawTable, mapping: EventMapping, options: Omit<ValidateOptions, 'onProgress' | 'seenIds'> = {}, sampleSize = CHECK_SAMPLE_ROWS): MappingCheck {
  const sample = sampleTable(table, sampleSize);
  const mapped = EVENT_COLUMNS.filter((column) => mapping.columns[column] !== undefined);
  const profiles = mapped.map((column) => profile(sample, column, mapping.columns[column]!, options.cityUtcOffsetMinutes));
  const costs: (MappingRisk & { key: string })[] = [];
  const costKey = new Map<MappingRisk, string>();
  const n = sample.rows.length;
  if (n > 0) {
    const base = validateEvents(sample, mapping, options);
    const rejectedBase = new Set(base.rejectedRows);
    for (const column of mapped) {
      if (NOT_WEIGHED.has(column)) continue;
      const alone = validateEvents(sample, without(mapping, column), options);
      // Rows rejected with the column and accepted without it are rejected because of it.
      const cost = alone.acceptedRows.filter((r) => rejectedBase.has(r));
      if (cost.length <= RISK_SHARE * n) continue;
      const source = mapping.columns[column]!;
      const costRows = new Set(Array.from(cost, (r) => sample.rowNumbers[r]!));
      const rules = new Map<RuleId, number>();
      for (const issue of base.issues) if (issue.row !== null && costRows.has(issue.row) && issue.outcome === 'rejected') rules.set(issue.rule, (rules.get(issue.rule) ?? 0) + 1);
      const rule = [...rules].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'lifecycle_out_of_order';
      costs.push({ column, source, rule, rows: cost.length, of: n, share: cost.length / n, alongWith: [], key: Array.from(cost).join(',') });
    }
  }
  // One risk per set of rows: the columns that free the same rows are named together, an update stamp first.
  const risks: MappingRisk[] = [];
  const culpritFirst = [...costs].sort((a, b) => Number(looksLikeUpdateStamp(b.source)) - Number(looksLikeUpdateStamp(a.source)));
  for (const { key, ...risk } of culpritFirst) {
    const same = risks.find((r) => costKey.get(r) === key);
    if (same) same.alongWith.push({ column: risk.column, source: risk.source });
    else { risks.push(risk); costKey.set(risk, key); }
  }
  return { profiles, risks: risks.sort((a, b) => b.rows - a.rows), sampled: n, exact: n === table.rows.length };
}
