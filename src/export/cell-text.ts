import { Type, type DataType, type Table } from 'apache-arrow';
import { wallClockDate, wallClockText } from '../domain/wall-clock';

/** How a column's values behave in exports: numbers stay numbers, text may need neutralising. */
export type CellKind = 'number' | 'text' | 'boolean' | 'temporal' | 'other';

/** Reads one column of an Arrow table cell by cell, without turning the table into rows. */
export interface ColumnReader {
  name: string;
  /** The Arrow type as text, e.g. "Utf8", "Timestamp<MICROSECOND>". */
  type: string;
  kind: CellKind;
  /** The cell as text (null for SQL NULL): what the grid shows and CSV writes. */
  text(row: number): string | null;
  /** The cell as a JSON value: numbers stay numbers while exact, big integers become text. */
  json(row: number): string | number | boolean | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** City-local wall-clock time: DuckDB TIMESTAMP (no zone) arrives as epoch ms read as UTC. */
export function formatTimestamp(ms: number): string {
  const milliseconds = new Date(ms).getUTCMilliseconds();
  return milliseconds === 0 ? wallClockText(ms) : `${wallClockText(ms)}.${pad(milliseconds, 3)}`;
}

export const formatDate = wallClockDate;

/** A DECIMAL's unscaled integer text with the point put back (Arrow gives "125" for 1.25). */
export function formatDecimal(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled;
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Int32Array || v instanceof Uint8Array ? Array.from(v) : v)) ?? String(value);
}

function kindOf(type: DataType): CellKind {
  switch (type.typeId) {
    case Type.Int: case Type.Float: case Type.Decimal: return 'number';
    case Type.Utf8: case Type.LargeUtf8: return 'text';
    case Type.Bool: return 'boolean';
    case Type.Date: case Type.Timestamp: case Type.Time: return 'temporal';
    default: return 'other';
  }
}

/** Options of the readers: `maskText` rewrites every text cell (personal data masking, docs/domain.md §5). */
export interface ReaderOptions { maskText?: (text: string) => string }

/** The readers for every column of a table, in order. Works with any copy of apache-arrow (type ids, not classes). */
export function createColumnReaders(table: Table, options: ReaderOptions = {}): ColumnReader[] {
  const mask = options.maskText ?? ((text: string) => text);
  return table.schema.fields.map((field, index) => {
    const vector = table.getChildAt(index);
    // Dictionary columns (DuckDB ENUMs, low-cardinality text) read back as their values.
    const type = (field.type.typeId === Type.Dictionary ? (field.type as DataType & { dictionary: DataType }).dictionary : field.type) as DataType;
    const kind = kindOf(type);
    const raw = (row: number): unknown => vector?.get(row) ?? null;
    let text: (value: unknown) => string;
    let json: (value: unknown) => string | number | boolean;
    switch (type.typeId) {
      case Type.Int:
        text = (v) => String(v);
        json = (v) => (typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString()) : (v as number));
        break;
      case Type.Float:
        text = (v) => String(v);
        json = (v) => (Number.isFinite(v as number) ? (v as number) : String(v));
        break;
      case Type.Decimal: {
        const scale = (type as DataType & { scale: number }).scale;
        text = (v) => formatDecimal(String(v), scale);
        // Exact decimals beyond double precision stay text rather than silently rounding.
        json = (v) => { const t = formatDecimal(String(v), scale); return t.replace(/[-.]/g, '').length <= 15 ? Number(t) : t; };
        break;
      }
      case Type.Bool:
        text = (v) => String(v);
        json = (v) => v as boolean;
        break;
      case Type.Date:
        text = (v) => formatDate(v instanceof Date ? v.getTime() : Number(v));
        json = text;
        break;
      case Type.Timestamp:
        text = (v) => formatTimestamp(v instanceof Date ? v.getTime() : Number(v));
        json = text;
        break;
      case Type.Utf8: case Type.LargeUtf8:
        text = (v) => mask(v as string);
        json = text;
        break;
      default:
        text = (v) => (typeof v === 'object' ? jsonText(v) : String(v));
        json = text;
    }
    return {
      name: field.name,
      type: String(field.type),
      kind,
      text: (row) => { const v = raw(row); return v === null ? null : text(v); },
      json: (row) => { const v = raw(row); return v === null ? null : json(v); },
    };
  });
}
