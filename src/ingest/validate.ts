import { inBothLanguages } from '../i18n';
import { isInsideChina } from '../domain/coordinates';
import { EVENT_COLUMNS, type EventColumn, type EventStatus } from '../domain/events';
import { toWgs84 } from './crs';
import { LIFECYCLE_ORDER, TIMESTAMP_COLUMNS, type EventColumns, type TimestampColumn } from './event-columns';
import type { EventMapping } from './mapping';
import type { RawTable } from './raw-table';
import { createIssue, type Issue, type RuleId } from './rules';
import type { PolygonIndex } from './spatial-index';
import { cleanText, MAX_TEXT_LENGTH } from './text';
import { CHINA_UTC_OFFSET_MINUTES, formatLocalTimestamp, parseTimestamp } from './time';
import { normaliseCategory, normaliseChannel, normaliseClosedLevel, normaliseOutcome, normaliseSatisfaction, normaliseSeverity, normaliseStatus, OTHER_CATEGORY_CODE } from './values';

export interface ValidateOptions {
  /** The finest boundaries (grids): points outside all of them are rejected, missing grid codes are assigned. */
  boundaries?: PolygonIndex;
  /** Grid codes of the boundaries, to flag codes in the file that no boundary has. */
  knownGridCodes?: ReadonlySet<string>;
  cityUtcOffsetMinutes?: number;
  maxTextLength?: number;
  /** Ids already accepted (id → row), shared when one file is validated in chunks; filled as rows are accepted. */
  seenIds?: Map<string, number>;
  /** Leave out file-level issues (for every chunk after the first). */
  skipFileIssues?: boolean;
  /** Called every PROGRESS_EVERY rows and at the end, so that a worker can drive a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows between two progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 20_000;

export interface ValidationCounts { input: number; accepted: number; rejected: number; doubtful: number }

export interface ValidationResult {
  fileName: string;
  events: EventColumns;
  /** Indices into table.rows of accepted and rejected rows (together: every row, once). */
  acceptedRows: Int32Array;
  rejectedRows: Int32Array;
  /** File-level issues first, then row issues in row order. */
  issues: Issue[];
  counts: ValidationCounts;
  /** Rows per rule (a row breaking two rules counts under both). */
  byRule: Partial<Record<RuleId, number>>;
}

/** Event columns without which no row can be loaded (location: coordinates or a grid code). */
export const REQUIRED_COLUMNS: readonly EventColumn[] = ['reported_at', 'category'];

/** A coordinate as written: "119.9", " 119.9 ", or with a decimal comma "119,9" (semicolon-separated European exports). */
export function parseCoordinate(text: string | null): number {
  if (text === null) return NaN;
  const trimmed = text.trim();
  if (trimmed === '') return NaN;
  return Number(/^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed);
}

/** The furthest lifecycle stage reached, when the file has no status column. */
function statusFromTimes(times: Record<TimestampColumn, number>): EventStatus {
  if (!Number.isNaN(times.closed_at)) return 'closed';
  if (!Number.isNaN(times.resolved_at)) return 'resolved';
  if (!Number.isNaN(times.accepted_at)) return 'accepted';
  if (!Number.isNaN(times.dispatched_at)) return 'dispatched';
  return 'reported';
}

function emptyColumns(): Omit<EventColumns, 'lon' | 'lat' | TimestampColumn | 'length'> {
  return { event_id: [], channel: [], category: [], subcategory: [], severity: [], grid_code: [], department: [], status: [], closed_level: [], outcome: [], satisfaction: [], description: [], address: [], category_text: [] };
}

/**
 * Mapped rows → accepted events in the OneMap schema, and every other row kept with its
 * reasons. Invariant: counts.accepted + counts.rejected = counts.input. Rules and their
 * outcomes are in rules.ts; the decisions behind them in docs/ingest.md.
 */
export function validateEvents(table: RawTable, mapping: EventMapping, options: ValidateOptions = {}): ValidationResult {
  const file = table.fileName;
  const offset = options.cityUtcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const maxText = options.maxTextLength ?? MAX_TEXT_LENGTH;
  const index = {} as Record<EventColumn, number>;
  for (const column of EVENT_COLUMNS) {
    const source = mapping.columns[column];
    index[column] = source === undefined ? -1 : table.columns.indexOf(source);
  }
  const sourceName = (column: EventColumn): string => mapping.columns[column] ?? column;
  const fileIssues: Issue[] = [...table.issues.filter((i) => i.row === null)];
  const missing: EventColumn[] = REQUIRED_COLUMNS.filter((c) => index[c] < 0);
  const hasCoordinates = index.lon >= 0 && index.lat >= 0;
  if (!hasCoordinates && index.grid_code < 0) missing.push(index.lon < 0 ? 'lon' : 'lat');
  // A file with no columns at all (empty) has already said so; its mapping has nothing to report.
  if (table.columns.length === 0) missing.length = 0;
  for (const column of missing) {
    const detail = mapping.columns[column] ? inBothLanguages((m) => m.data.details.mappedColumnMissing, { column: mapping.columns[column] }) : inBothLanguages((m) => m.data.details.notMapped, { column });
    fileIssues.push(createIssue(file, null, column, 'missing_required_column', null, detail));
  }
  if (index.event_id < 0 && table.rows.length > 0) fileIssues.push(createIssue(file, null, 'event_id', 'id_generated', null, inBothLanguages((m) => m.data.details.allRows)));

  const rowIssuesFromReading = new Map<number, Issue[]>();
  for (const issue of table.issues) if (issue.row !== null) rowIssuesFromReading.set(issue.row, [...(rowIssuesFromReading.get(issue.row) ?? []), issue]);

  const out = emptyColumns();
  // Numbers go into typed arrays sized for every row (cut to the accepted count at the end):
  // a million pushes into JS arrays cost more than the checks themselves.
  const total = table.rows.length;
  const lonOut = new Float64Array(total);
  const latOut = new Float64Array(total);
  const timesOut: Record<TimestampColumn, Float64Array> = {
    reported_at: new Float64Array(total), dispatched_at: new Float64Array(total), accepted_at: new Float64Array(total),
    resolved_at: new Float64Array(total), closed_at: new Float64Array(total), due_at: new Float64Array(total),
  };
  // One object for every row's timestamps, so that its shape never changes.
  const times: Record<TimestampColumn, number> = { reported_at: NaN, dispatched_at: NaN, accepted_at: NaN, resolved_at: NaN, closed_at: NaN, due_at: NaN };
  const accepted: number[] = [];
  const rejected: number[] = [];
  const rowIssues: Issue[] = [];
  const byRule: Partial<Record<RuleId, number>> = {};
  const firstRowOfId = options.seenIds ?? new Map<string, number>();
  let doubtful = 0;

  const fitsArea = (x: number, y: number): boolean => {
    if (!options.boundaries) return isInsideChina(x, y);
    const [wx, wy] = toWgs84(x, y, mapping.crs);
    return options.boundaries.locate(wx, wy) !== null;
  };

  // Per-row state, read by helpers defined once (not per row: closures per row cost more than the checks).
  let row: (string | null)[] = [];
  let rowNo = 0;
  let issues: Issue[] = [];
  let isRejected = false;
  const add = (column: EventColumn | null, rule: RuleId, value: string | null = null, detail?: { zh: string; en: string }): void => {
    const issue = createIssue(file, rowNo, column === null ? null : sourceName(column), rule, value, detail);
    issues.push(issue);
    if (issue.outcome === 'rejected') isRejected = true;
  };
  const cell = (column: EventColumn): string | null => (index[column] >= 0 ? row[index[column]] ?? null : null);
  const text = (column: EventColumn): string | null => {
    const raw = cell(column);
    if (raw === null) return null;
    const clean = cleanText(raw, maxText);
    if (clean.hadControl) add(column, 'control_characters');
    if (clean.wasCut) add(column, 'text_too_long', null, inBothLanguages((m) => m.data.details.textCut, { length: raw.length, kept: maxText }));
    return clean.value === '' ? null : clean.value;
  };
  // Coded columns have few distinct values: each is normalised once per file.
  const memo = new Map<EventColumn, Map<string, unknown>>();
  const remember = <T>(column: EventColumn, raw: string, normalise: (v: string) => T): T => {
    let cache = memo.get(column);
    if (!cache) { cache = new Map(); memo.set(column, cache); }
    if (cache.has(raw)) return cache.get(raw) as T;
    const value = normalise(raw);
    if (cache.size < 10_000) cache.set(raw, value);
    return value;
  };
  const coded = <T>(column: EventColumn, normalise: (v: string) => T | null): T | null => {
    const raw = cell(column);
    if (raw === null) return null;
    const value = remember(column, raw, normalise);
    if (value === null) add(column, 'value_unknown', raw);
    return value;
  };

  for (let r = 0; r < table.rows.length; r++) {
    if (options.onProgress && r > 0 && r % PROGRESS_EVERY === 0) options.onProgress(r, table.rows.length);
    row = table.rows[r]!;
    rowNo = table.rowNumbers[r]!;
    issues = [];
    isRejected = false;
    const problem = table.rowProblems[r];
    if (problem) {
      // The fields of such a row cannot be trusted to be where the header says: no further checks.
      byRule[problem.rule] = (byRule[problem.rule] ?? 0) + 1;
      rowIssues.push(problem);
      rejected.push(r);
      continue;
    }
    const readIssues = rowIssuesFromReading.get(rowNo);
    if (readIssues) issues.push(...readIssues);
    for (const column of missing) add(column, 'missing_required_column');

    // Timestamps, then their order.
    for (const column of TIMESTAMP_COLUMNS) {
      const raw = cell(column);
      times[column] = NaN;
      if (raw === null) {
        if (column === 'reported_at' && index.reported_at >= 0) add(column, 'required_value_empty');
        continue;
      }
      const parsed = parseTimestamp(raw, offset);
      if (typeof parsed === 'number') times[column] = parsed;
      else add(column, parsed, raw);
    }
    let previous: TimestampColumn | null = null;
    for (const column of LIFECYCLE_ORDER) {
      if (Number.isNaN(times[column])) continue;
      if (previous !== null && times[column] < times[previous]) {
        const detail = `${column} ${formatLocalTimestamp(times[column])} < ${previous} ${formatLocalTimestamp(times[previous])}`;
        add(column, 'lifecycle_out_of_order', null, { zh: detail, en: detail });
        break;
      }
      previous = column;
    }
    if (!Number.isNaN(times.due_at) && !Number.isNaN(times.reported_at) && times.due_at < times.reported_at) {
      const detail = `due_at ${formatLocalTimestamp(times.due_at)} < reported_at ${formatLocalTimestamp(times.reported_at)}`;
      add('due_at', 'lifecycle_out_of_order', null, { zh: detail, en: detail });
    }

    // Coordinates: parse, catch (0,0) and swaps, convert to WGS84, then place in the boundaries.
    let lon = NaN;
    let lat = NaN;
    let located: string | null = null;
    const lonText = cell('lon');
    const latText = cell('lat');
    if (lonText !== null || latText !== null) {
      const x = parseCoordinate(lonText);
      const y = parseCoordinate(latText);
      const shown = `${lonText ?? ''}, ${latText ?? ''}`;
      if (!Number.isFinite(x) || !Number.isFinite(y)) add(lonText === null || !Number.isFinite(x) ? 'lon' : 'lat', 'coordinates_unparseable', shown);
      else if (x === 0 && y === 0) add('lon', 'coordinates_zero', shown);
      else {
        const inRange = Math.abs(x) <= 180 && Math.abs(y) <= 90;
        const swappedInRange = Math.abs(y) <= 180 && Math.abs(x) <= 90;
        let swap = false;
        if (!inRange && swappedInRange) swap = true;
        else if (!inRange) add('lon', 'coordinates_out_of_range', shown);
        else if (swappedInRange && !fitsArea(x, y) && fitsArea(y, x)) swap = true;
        if (inRange || swap) {
          if (swap) add('lon', 'coordinates_swapped', shown);
          [lon, lat] = toWgs84(swap ? y : x, swap ? x : y, mapping.crs);
          if (options.boundaries) {
            located = options.boundaries.locate(lon, lat);
            if (located === null) add('lon', 'outside_boundaries', shown);
          }
        }
      }
    }
    let grid = text('grid_code');
    if (grid !== null && options.knownGridCodes && !options.knownGridCodes.has(grid)) {
      const detail = located !== null ? inBothLanguages((m) => m.data.details.reassigned, { code: located }) : inBothLanguages((m) => m.data.details.keptAsGiven);
      add('grid_code', 'grid_code_unknown', grid, detail);
      if (located !== null) grid = located;
    }
    if (grid === null) grid = located;
    if (Number.isNaN(lon) && lonText === null && latText === null) {
      if (grid !== null) { if (hasCoordinates) add('lon', 'coordinates_missing'); }
      else add('lon', 'location_missing');
    }

    // Coded values.
    let severity: number | null = null;
    const severityText = cell('severity');
    if (severityText !== null) {
      const value = remember('severity', severityText, normaliseSeverity);
      if (value === 'out_of_range') add('severity', 'severity_out_of_range', severityText);
      else if (value === 'unknown') add('severity', 'value_unknown', severityText);
      else severity = value;
    }
    const categoryText = text('category');
    let category = categoryText === null ? null : remember('category', categoryText, (v) => normaliseCategory(v, mapping.categoryValues));
    const subcategory = text('subcategory');
    // Counted under "other"; the file's own word is kept in category_text (pushed below for every row).
    if (category === null && index.category >= 0) {
      add('category', 'category_unknown', categoryText ?? '');
      category = OTHER_CATEGORY_CODE;
    }
    const channel = coded('channel', normaliseChannel);
    const status = coded('status', normaliseStatus) ?? (cell('status') === null ? statusFromTimes(times) : null);
    const closedLevel = coded('closed_level', normaliseClosedLevel);
    const outcome = coded('outcome', normaliseOutcome);
    const satisfaction = coded('satisfaction', normaliseSatisfaction);
    const department = text('department');
    const description = text('description');
    const address = text('address');

    let id = text('event_id');
    const generated = id === null;
    if (id === null) {
      if (index.event_id >= 0) add('event_id', 'id_generated');
      id = `${file}#${rowNo}`;
    }
    // Only accepted rows claim an id, so a broken first copy does not reject a good second one.
    // A made-up id ("file#row") is unique by construction and needs no lookup.
    if (!isRejected && !generated) {
      const first = firstRowOfId.get(id);
      if (first !== undefined) add('event_id', 'duplicate_id', id, inBothLanguages((m) => m.data.details.firstSeen, { row: first }));
      else firstRowOfId.set(id, rowNo);
    }

    // Counted per row, and only where the count means something to the user: a file-level
    // rule (a required column not mapped) is one finding, not one per row; a doubtful flag on a
    // row that is not loaded changes nothing, so the doubtful rules add up to the doubtful tile.
    // A rule met twice in one row (control characters in two columns) counts the row once.
    for (let k = 0; k < issues.length; k++) {
      const { rule, outcome } = issues[k]!;
      if (rule === 'missing_required_column' || (isRejected && outcome === 'doubtful')) continue;
      let again = false;
      for (let j = 0; j < k; j++) if (issues[j]!.rule === rule) again = true;
      if (!again) byRule[rule] = (byRule[rule] ?? 0) + 1;
    }
    for (const issue of issues) rowIssues.push(issue);
    if (isRejected) { rejected.push(r); continue; }
    if (issues.length > 0) doubtful++;
    accepted.push(r);
    out.event_id.push(id);
    out.channel.push(channel);
    out.category.push(category ?? OTHER_CATEGORY_CODE);
    out.subcategory.push(subcategory);
    out.severity.push(severity);
    const at = accepted.length - 1;
    lonOut[at] = lon;
    latOut[at] = lat;
    out.grid_code.push(grid);
    out.department.push(department);
    out.status.push(status);
    out.closed_level.push(closedLevel);
    timesOut.reported_at[at] = times.reported_at;
    timesOut.dispatched_at[at] = times.dispatched_at;
    timesOut.accepted_at[at] = times.accepted_at;
    timesOut.resolved_at[at] = times.resolved_at;
    timesOut.closed_at[at] = times.closed_at;
    timesOut.due_at[at] = times.due_at;
    out.outcome.push(outcome);
    out.satisfaction.push(satisfaction);
    out.description.push(description);
    out.address.push(address);
    out.category_text.push(categoryText);
  }
  if (options.skipFileIssues) fileIssues.length = 0;
  for (const issue of fileIssues) byRule[issue.rule] = (byRule[issue.rule] ?? 0) + 1;
  const n = accepted.length;
  const events: EventColumns = {
    ...out, length: n, lon: lonOut.slice(0, n), lat: latOut.slice(0, n),
    reported_at: timesOut.reported_at.slice(0, n), dispatched_at: timesOut.dispatched_at.slice(0, n), accepted_at: timesOut.accepted_at.slice(0, n),
    resolved_at: timesOut.resolved_at.slice(0, n), closed_at: timesOut.closed_at.slice(0, n), due_at: timesOut.due_at.slice(0, n),
  };
  options.onProgress?.(table.rows.length, table.rows.length);
  return {
    fileName: file, events, acceptedRows: Int32Array.from(accepted), rejectedRows: Int32Array.from(rejected),
    issues: [...fileIssues, ...rowIssues],
    counts: { input: table.rows.length, accepted: accepted.length, rejected: rejected.length, doubtful },
    byRule,
  };
}
