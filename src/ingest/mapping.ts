import { EVENT_COLUMNS, type EventColumn } from '../domain/events';
import { boundaryMappingJson, parseBoundaryMapping, type BoundaryMapping } from './boundary-mapping';
import { suggestColumns } from './columns';

export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/**
 * How a user's file maps onto the events table: plain JSON, so it can be saved (e.g. in
 * localStorage) and applied again to next month's file with the same headers.
 */
export interface EventMapping {
  version: 1;
  /** Source column for each event column; absent = not in the file. */
  columns: Partial<Record<EventColumn, string>>;
  /** The datum of the file's coordinates; converted to WGS84 at load. */
  crs: CoordinateSystem;
  /** The user's own category values → category codes (checked before the built-in names). */
  categoryValues?: Record<string, string>;
  /** How the boundary file's properties key its units; absent in mappings saved before it existed. */
  boundaries?: BoundaryMapping;
}

/** A mapping from the suggestions for these headers, WGS84 unless told otherwise. */
export function suggestMapping(headers: readonly string[], crs: CoordinateSystem = 'wgs84'): EventMapping {
  const columns: Partial<Record<EventColumn, string>> = {};
  for (const suggestion of suggestColumns(headers)) if (suggestion.source !== null) columns[suggestion.column] = suggestion.source;
  return { version: 1, columns, crs };
}

/** Saved text of a mapping (stable key order, so saved files diff cleanly). */
export function serialiseMapping(mapping: EventMapping): string {
  const columns: Record<string, string> = {};
  for (const column of EVENT_COLUMNS) { const source = mapping.columns[column]; if (source !== undefined) columns[column] = source; }
  return JSON.stringify({ version: 1, columns, crs: mapping.crs, ...(mapping.categoryValues ? { categoryValues: mapping.categoryValues } : {}),
    ...(mapping.boundaries ? { boundaries: boundaryMappingJson(mapping.boundaries) } : {}) }, null, 2);
}

/** A saved mapping read back; throws naming the first field that is wrong. */
export function parseMapping(text: string): EventMapping {
  let data: unknown;
  try { data = JSON.parse(text); } catch (error) { throw new Error(`Invalid mapping: not JSON (${(error as Error).message})`); }
  if (typeof data !== 'object' || data === null) throw new Error('Invalid mapping: must be a JSON object');
  const record = data as Record<string, unknown>;
  if (record.version !== 1) throw new Error(`Invalid mapping version ${JSON.stringify(record.version)}: must be 1`);
  if (!COORDINATE_SYSTEMS.includes(record.crs as CoordinateSystem)) throw new Error(`Invalid mapping crs ${JSON.stringify(record.crs)}: must be one of ${COORDINATE_SYSTEMS.join(', ')}`);
  const columnsIn = record.columns;
  if (typeof columnsIn !== 'object' || columnsIn === null) throw new Error('Invalid mapping: "columns" must be an object');
  const columns: Partial<Record<EventColumn, string>> = {};
  for (const [key, value] of Object.entries(columnsIn)) {
    if (!(EVENT_COLUMNS as readonly string[]).includes(key)) throw new Error(`Invalid mapping column "${key}": must be one of ${EVENT_COLUMNS.join(', ')}`);
    if (typeof value !== 'string' || value === '') throw new Error(`Invalid mapping for "${key}": the source column must be a non-empty string`);
    columns[key as EventColumn] = value;
  }
  const mapping: EventMapping = { version: 1, columns, crs: record.crs as CoordinateSystem };
  if (record.categoryValues !== undefined) {
    const values = record.categoryValues;
    if (typeof values !== 'object' || values === null || Object.values(values).some((v) => typeof v !== 'string')) throw new Error('Invalid mapping: "categoryValues" must map text to category codes');
    mapping.categoryValues = values as Record<string, string>;
  }
  if (record.boundaries !== undefined) mapping.boundaries = parseBoundaryMapping(record.boundaries);
  return mapping;
}

/** Source columns the mapping names that the file lacks (a saved mapping applied to another file). */
export function missingSourceColumns(mapping: EventMapping, headers: readonly string[]): { column: EventColumn; source: string }[] {
  const present = new Set(headers);
  return EVENT_COLUMNS.flatMap((column) => {
    const source = mapping.columns[column];
    return source !== undefined && !present.has(source) ? [{ column, source }] : [];
  });
}
