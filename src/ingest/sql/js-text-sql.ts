/**
 * SQL (DuckDB, RE2 regular expressions) that treats text exactly as the JS rules do
 * (src/ingest/text.ts, time.ts, values.ts): JS's `\s` and String.trim() know Unicode
 * spaces (U+3000, U+00A0 …) where RE2's `\s` and DuckDB's trim() know only ASCII ones, and
 * JS counts string length in UTF-16 units where DuckDB counts code points.
 */

/** The characters of JS's `\s` (and of String.trim()), for use inside an RE2 character class. */
export const JS_SPACE_CHARS = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** JS's `\s` as an RE2 class. */
export const JS_SPACE = `[${JS_SPACE_CHARS}]`;

/** The control characters cleanText removes (C0 except tab, LF, CR; DEL; C1), as an RE2 class. */
export const CONTROL_CLASS = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x{9F}]';

/** A pattern as an SQL string literal (RE2 text has no quotes of its own but may one day). */
export function sqlPattern(pattern: string): string {
  return `'${pattern.replaceAll("'", "''")}'`;
}

/** `expr` with JS whitespace trimmed at both ends, as String.prototype.trim() does. */
export function jsTrimSql(expr: string): string {
  return `regexp_replace(${expr}, ${sqlPattern(`^${JS_SPACE}+|${JS_SPACE}+$`)}, '', 'g')`;
}

/** Code points above U+FFFF in `expr`: each is two UTF-16 units in JS. */
function astralCountSql(expr: string): string {
  return `(length(${expr}) - length(regexp_replace(${expr}, '[\\x{10000}-\\x{10FFFF}]', '', 'g')))`;
}

/** JS's `text.length` (UTF-16 units) of `expr`. */
export function utf16LengthSql(expr: string): string {
  return `(length(${expr}) + ${astralCountSql(expr)})`;
}

/**
 * The first `max` UTF-16 units of `expr`, a split surrogate pair dropped (cleanText's cut).
 * Exact when no code point above U+FFFF falls near the cut; otherwise it may keep a few
 * characters fewer than JS (docs/ingest.md, "SQL validation"): the row's verdict is the same.
 */
export function utf16LeftSql(expr: string, max: number): string {
  return `left(${expr}, ${max} - ${astralCountSql(`left(${expr}, ${max})`)})`;
}
