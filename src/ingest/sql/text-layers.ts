import { CONTROL_CLASS, sqlPattern, utf16LeftSql, utf16LengthSql } from './js-text-sql';

/**
 * cleanText (src/ingest/text.ts) as SQL layers over column `raw`: `${p}` is the text with
 * control characters removed, cut to `max` UTF-16 units, NULL when nothing is left;
 * `${p}_ctl` and `${p}_cut` say what was changed; `${p}_len` is the raw text's length as
 * JS counts it (for the message), when it was cut.
 */
export function cleanTextLayers(raw: string, p: string, max: number): string[][] {
  const control = sqlPattern(CONTROL_CLASS);
  const t = `${p}__t`;
  return [
    [
      `coalesce(regexp_matches(${raw}, ${control}), false) AS ${p}_ctl`,
      `CASE WHEN regexp_matches(${raw}, ${control}) THEN regexp_replace(${raw}, ${control}, '', 'g') ELSE ${raw} END AS ${t}`,
    ],
    // Code points ≤ UTF-16 units ≤ 2 × code points: the exact count only where it can matter.
    [`coalesce(length(${t}) > ${max} OR (length(${t}) * 2 > ${max} AND ${utf16LengthSql(t)} > ${max}), false) AS ${p}_cut`],
    [
      `nullif(CASE WHEN ${p}_cut THEN ${utf16LeftSql(t, max)} ELSE ${t} END, '') AS ${p}`,
      `CASE WHEN ${p}_cut THEN ${utf16LengthSql(raw)} END AS ${p}_len`,
    ],
  ];
}
