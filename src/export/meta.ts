/**
 * What an exported file was made from, so that a number in a spreadsheet can be traced
 * back: the SQL, the dashboard panel and filters it came from, the data time. It travels
 * inside the file where the format allows (JSON `meta`, Arrow schema metadata, Parquet
 * key-value metadata, PNG iTXt chunk) and as a sidecar `.meta.json` next to a CSV, since a
 * comment line would make the CSV invalid.
 */
export interface ExportMeta {
  /** What was exported: a panel id ("kpi-strip", "ranking", …), "sql" for a console query, "map". */
  what: string;
  sql: string | null;
  /** The dashboard view the query was made for, when it came from a panel ("show SQL"). */
  source: ExportSource | null;
  /** True when the SQL was changed in the console after it came from the panel. */
  edited: boolean;
  /** City-local data time ("now" for every measure). */
  dataAsOf: string;
  /** When the file was made (ISO 8601, UTC). */
  exportedAt: string;
  rows: number | null;
  columns: { name: string; type: string }[];
}

/** The dashboard state behind a panel's query. */
export interface ExportSource {
  panel: string;
  unitCode: string;
  unitName?: string;
  /** City-local period, end exclusive. */
  period?: { start: string; end: string };
  /** Attribute filters (categories, channels, statuses, severities); empty lists left out. */
  filters?: Record<string, readonly (string | number)[]>;
}

/** The metadata key under which Arrow, Parquet and PNG files carry the JSON text of ExportMeta. */
export const META_KEY = 'onemap:meta';
