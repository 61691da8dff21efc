import { emptyTable, uniqueColumnNames, type RawTable } from './raw-table';
import { createIssue, type Issue } from './rules';

function cellText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Nested objects and arrays are kept as their JSON text rather than dropped.
  return JSON.stringify(value);
}

/** Records (objects) → a raw table: columns are the union of keys in first-seen order. */
function tableFromRecords(records: readonly unknown[], fileName: string, leading: readonly string[], toEntries: (record: Record<string, unknown>, row: number) => { cells: Record<string, unknown>; problem: Issue | null }): RawTable {
  const columnOf = new Map<string, number>();
  const names: string[] = [];
  const addColumn = (name: string): number => {
    let k = columnOf.get(name);
    if (k === undefined) { k = names.length; names.push(name); columnOf.set(name, k); }
    return k;
  };
  for (const name of leading) addColumn(name);
  const sparse: Map<number, unknown>[] = [];
  const rowProblems: (Issue | null)[] = [];
  records.forEach((record, index) => {
    const row = new Map<number, unknown>();
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      rowProblems.push(createIssue(fileName, index + 1, null, 'not_an_object', JSON.stringify(record)?.slice(0, 60) ?? String(record)));
    } else {
      const { cells, problem } = toEntries(record as Record<string, unknown>, index + 1);
      for (const [key, value] of Object.entries(cells)) row.set(addColumn(key), value);
      rowProblems.push(problem);
    }
    sparse.push(row);
  });
  // Keys are compared as written; names that only differ after trimming are renamed, not merged.
  const { columns, issues } = uniqueColumnNames(names, fileName);
  const rows = sparse.map((row) => Array.from({ length: names.length }, (_, k) => cellText(row.get(k))));
  if (rows.length === 0) issues.unshift(createIssue(fileName, null, null, 'header_only'));
  return { fileName, columns, rows, rowNumbers: Int32Array.from(rows, (_, i) => i + 1), rowProblems, issues };
}

function fromFeatureCollection(features: readonly unknown[], fileName: string): RawTable {
  return tableFromRecords(features, fileName, ['lon', 'lat'], (feature, row) => {
    const properties = typeof feature.properties === 'object' && feature.properties !== null ? (feature.properties as Record<string, unknown>) : {};
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    // Geometry first, so that a property called "lon" is renamed rather than the point.
    const cells: Record<string, unknown> = { lon: null, lat: null };
    let problem: Issue | null = null;
    if (geometry && geometry.type === 'Point' && Array.isArray(geometry.coordinates)) {
      cells.lon = geometry.coordinates[0];
      cells.lat = geometry.coordinates[1];
    } else if (geometry) {
      problem = createIssue(fileName, row, 'geometry', 'geometry_not_point', String(geometry.type));
    }
    for (const [key, value] of Object.entries(properties)) cells[key === 'lon' || key === 'lat' ? `${key} (property)` : key] = value;
    return { cells, problem };
  });
}

/**
 * JSON events: an array of objects, a GeoJSON FeatureCollection of Points (lon/lat from the
 * geometry, other columns from the properties), or newline-delimited JSON objects.
 */
export function parseJsonEvents(text: string, fileName: string): RawTable {
  if (text.trim() === '') return emptyTable(fileName, createIssue(fileName, null, null, 'empty_file'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
    try {
      if (lines.length > 1) return tableFromRecords(lines.map((line) => JSON.parse(line) as unknown), fileName, [], (record) => ({ cells: record, problem: null }));
    } catch { /* not NDJSON either: report the first error */ }
    return emptyTable(fileName, createIssue(fileName, null, null, 'invalid_json', null, { zh: (error as Error).message, en: (error as Error).message }));
  }
  if (Array.isArray(data)) return tableFromRecords(data, fileName, [], (record) => ({ cells: record, problem: null }));
  const root = data as { type?: unknown; features?: unknown };
  if (root && root.type === 'FeatureCollection' && Array.isArray(root.features)) return fromFeatureCollection(root.features, fileName);
  return emptyTable(fileName, createIssue(fileName, null, null, 'unsupported_json', null, { zh: `type = ${JSON.stringify(root?.type ?? typeof data)}`, en: `type = ${JSON.stringify(root?.type ?? typeof data)}` }));
}
