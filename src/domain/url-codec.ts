/**
 * One way to read and write query strings, for every mode (map, wall, briefing, the
 * briefing's links to the map). A mode lists its fields once, as a schema of typed field
 * codecs in the order they are written; `readQuery` keeps only well-formed values (a link
 * may come from an older version, so a bad value falls back to its default rather than
 * failing) and `writeQuery` leaves out absent values, empty lists and defaults, so links
 * stay short.
 */

/** How one value is read from and written to text (a parameter's, or one entry of a list). */
export interface ValueCodec<T> {
  /** The value of the text, or undefined when it is malformed. */
  read(raw: string): T | undefined;
  write(value: T): string;
}

/** A value codec bound to its parameter's name in the query string. */
export interface FieldCodec<T> extends ValueCodec<T> {
  readonly key: string;
}

/** Read from a schema: the value type of each field. */
export type QueryValues<S extends QuerySchema> = { [K in keyof S]: S[K] extends FieldCodec<infer T> ? T : never };
// `any` only erases each field's own type inside the record; QueryValues gives it back.
export type QuerySchema = Record<string, FieldCodec<any>>;

export interface TextOptions {
  /** The whole text must match it. */
  pattern?: RegExp;
  maxLength?: number;
  /** Trim surrounding white space before checking (for hand-written links such as a wall's). */
  trim?: boolean;
}

/** Free text; empty text counts as absent. */
export function textValue(options: TextOptions = {}): ValueCodec<string> {
  return {
    read(raw) {
      const text = options.trim ? raw.trim() : raw;
      if (text.length === 0) return undefined;
      if (options.maxLength !== undefined && text.length > options.maxLength) return undefined;
      if (options.pattern && !options.pattern.test(text)) return undefined;
      return text;
    },
    write: (value) => value,
  };
}

/** One of a fixed set of codes. */
export function enumValue<T extends string>(values: readonly T[], options: { trim?: boolean } = {}): ValueCodec<T> {
  return {
    read(raw) {
      const text = options.trim ? raw.trim() : raw;
      return (values as readonly string[]).includes(text) ? (text as T) : undefined;
    },
    write: (value) => value,
  };
}

export interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Digits after the point when written (none: as JavaScript prints the number). */
  decimals?: number;
}

/** A finite number, optionally whole and within [min, max]; blank text counts as absent. */
export function numberValue(options: NumberOptions = {}): ValueCodec<number> {
  return {
    read(raw) {
      if (raw.trim() === '') return undefined;
      const value = Number(raw);
      if (!Number.isFinite(value)) return undefined;
      if (options.integer && !Number.isInteger(value)) return undefined;
      if (options.min !== undefined && value < options.min) return undefined;
      if (options.max !== undefined && value > options.max) return undefined;
      return value;
    },
    write: (value) => (options.decimals === undefined ? String(value) : value.toFixed(options.decimals)),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day as "YYYY-MM-DD" (its shape only; ranges between dates are the mode's rule). */
export function dateValue(): ValueCodec<string> {
  return textValue({ pattern: DATE });
}

export const textField = (key: string, options: TextOptions = {}): FieldCodec<string> => ({ key, ...textValue(options) });
export const enumField = <T extends string>(key: string, values: readonly T[], options: { trim?: boolean } = {}): FieldCodec<T> => ({ key, ...enumValue(values, options) });
export const numberField = (key: string, options: NumberOptions = {}): FieldCodec<number> => ({ key, ...numberValue(options) });
export const dateField = (key: string): FieldCodec<string> => ({ key, ...dateValue() });

export interface ListOptions {
  /** Trim each entry (hand-written links). */
  trim?: boolean;
  /** Keep only the first occurrence of an entry. */
  unique?: boolean;
}

/**
 * A comma-separated list whose entries are read by `item`: empty and malformed entries
 * are dropped, the valid ones kept in order. An empty list is written as nothing.
 */
export function listField<T>(key: string, item: ValueCodec<T>, options: ListOptions = {}): FieldCodec<T[]> {
  return {
    key,
    read(raw) {
      const values: T[] = [];
      for (const part of raw.split(',')) {
        const entry = options.trim ? part.trim() : part;
        if (entry.length === 0) continue;
        const value = item.read(entry);
        if (value !== undefined && !(options.unique && values.includes(value))) values.push(value);
      }
      return values;
    },
    write: (values) => values.map((value) => item.write(value)).join(','),
  };
}

/**
 * A fixed number of numbers as one comma-separated parameter (a map camera's lon,lat,zoom),
 * each read and written by its own codec; anything but exactly that many valid numbers is
 * malformed.
 */
export function tupleField<T extends number[]>(key: string, items: { [I in keyof T]: ValueCodec<number> }): FieldCodec<T> {
  const codecs = items as readonly ValueCodec<number>[];
  return {
    key,
    read(raw) {
      const parts = raw.split(',').filter((part) => part.length > 0);
      if (parts.length !== codecs.length) return undefined;
      const values = parts.map((part, i) => codecs[i]!.read(part));
      return values.every((value) => value !== undefined) ? (values as T) : undefined;
    },
    write: (values) => values.map((value, i) => codecs[i]!.write(value)).join(','),
  };
}

function normalizedSearch(search: string): URLSearchParams {
  return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
}

/** The well-formed fields of a query string ("?a=b" or "a=b"); absent and malformed ones are left out. */
export function readQuery<S extends QuerySchema>(search: string, schema: S): Partial<QueryValues<S>> {
  const params = normalizedSearch(search);
  const values: Partial<QueryValues<S>> = {};
  for (const name of Object.keys(schema) as (keyof S & string)[]) {
    const raw = params.get(schema[name]!.key);
    if (raw === null) continue;
    const value = schema[name]!.read(raw) as QueryValues<S>[typeof name] | undefined;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  return a === b;
}

/**
 * The query string ("?a=b&…", or "" when nothing is left) of `values`, in the schema's
 * order: undefined values, empty lists and values equal to `defaults` are left out.
 */
export function writeQuery<S extends QuerySchema>(values: Partial<QueryValues<S>>, schema: S, defaults: Partial<QueryValues<S>> = {}): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(schema) as (keyof S & string)[]) {
    const value = values[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (name in defaults && sameValue(value, defaults[name])) continue;
    params.set(schema[name]!.key, schema[name]!.write(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
