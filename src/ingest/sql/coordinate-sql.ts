import { jsTrimSql, sqlPattern } from './js-text-sql';

/**
 * parseCoordinate (src/ingest/validate.ts) as SQL layers: `${p}_num` is the number JS's
 * Number() makes of the trimmed text (a decimal comma read as a point), NULL when that is
 * not a finite number. DuckDB's own cast is not used alone: it reads "1_000" and "nan",
 * which Number() does not; Number()'s hexadecimal and binary forms are read as it does.
 */
export function coordinateLayers(raw: string, p: string): string[][] {
  const fast = `${p}__fast`;
  const t = `${p}__t`;
  const n = `${p}__n`;
  return [
    // Plain decimals, the form of nearly every coordinate, skip the trimming and the patterns.
    [`CASE WHEN regexp_full_match(${raw}, '-?\\d+(\\.\\d+)?') THEN CAST(${raw} AS DOUBLE) END AS ${fast}`],
    [`CASE WHEN ${fast} IS NULL THEN ${jsTrimSql(raw)} END AS ${t}`],
    [`CASE WHEN ${fast} IS NOT NULL THEN ${fast} WHEN ${t} IS NULL OR ${t} = '' THEN NULL
      WHEN regexp_full_match(${t}, ${sqlPattern('-?\\d+,\\d+')}) THEN try_cast(replace(${t}, ',', '.') AS DOUBLE)
      WHEN regexp_full_match(${t}, ${sqlPattern('[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?')}) THEN try_cast(${t} AS DOUBLE)
      WHEN regexp_full_match(${t}, ${sqlPattern('0[xX][0-9a-fA-F]+|0[bB][01]+')}) THEN CAST(try_cast(lower(${t}) AS UBIGINT) AS DOUBLE) END AS ${n}`],
    [`CASE WHEN isfinite(${n}) THEN ${n} END AS ${p}_num`],
  ];
}
