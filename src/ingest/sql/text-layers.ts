import { CONTROL_CLASS, sqlPattern, utf16LeftSql, utf16LengthSql } from './js-text-sql';

/**
 * cleanText (src/ingest/text.ts) as SQL layers over column `raw`: `${p}` is the text with
 * control characters removed, cut to `max` UTF-16 units, NULL when nothing is left;
 * `${p}_ctl` and `${p}_cut` say what was changed; `${p}_len` is the raw text's length as
 * JS counts it (for the message), when it was cut. `rowHasControl`, when given, is a column
 * saying whether any text of the row has a control character (controlInRowLayer): one
 * pattern search per row instead of one per cell, as such characters are rare.
 */
export function cleanTextLayers(raw: string, p: string, max: number, rowHasControl?: string): string[][] {
  const control = sqlPattern(CONTROL_CLASS);
  const t = `${p}__t`;
  const check = `coalesce(regexp_matches(${raw}, ${control}), false)`;
  return [
    [`${rowHasControl ? `CASE WHEN ${rowHasControl} THEN ${check} ELSE false END` : check} AS ${p}_ctl`],
    [`CASE WHEN ${p}_ctl THEN regexp_replace(${raw}, ${control}, '', 'g') ELSE ${raw} END AS ${t}`],
    // Code points ≤ UTF-16 units ≤ UTF-8 bytes (strlen, known without reading the text), and
    // UTF-16 units ≤ 2 × code points: the exact count only where it can matter.
    [`coalesce(strlen(${t}) > ${max} AND (length(${t}) > ${max} OR (length(${t}) * 2 > ${max} AND ${utf16LengthSql(t)} > ${max})), false) AS ${p}_cut`],
    [
      `nullif(CASE WHEN ${p}_cut THEN ${utf16LeftSql(t, max)} ELSE ${t} END, '') AS ${p}`,
      `CASE WHEN ${p}_cut THEN ${utf16LengthSql(raw)} END AS ${p}_len`,
    ],
  ];
}

/** Layer: `${name}` is true when any of `raws` has a control character (for cleanTextLayers' rowHasControl). */
export function controlInRowLayer(raws: readonly string[], name: string): string[][] {
  return [[`coalesce(regexp_matches(concat_ws('', ${raws.join(', ')}), ${sqlPattern(CONTROL_CLASS)}), false) AS ${name}`]];
}
