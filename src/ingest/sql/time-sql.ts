import { JS_SPACE, JS_SPACE_CHARS, jsTrimSql, sqlPattern } from './js-text-sql';

/**
 * parseTimestamp (src/ingest/time.ts) as SQL over a column: the same patterns (JS's
 * Unicode `\s` spelled out for RE2), the same checks of impossible dates, the same
 * result (ms of city wall-clock time on a UTC-based clock) or the same problem. Parsing
 * is spread over layers (see layeredSelect) so that each part is computed once per cell.
 */

const W = JS_SPACE;
// Each pattern is padded with empty groups to nine, so that one regexp_extract list of
// names serves all of them and their results share one type.
const ISO = `(?i)^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T${JS_SPACE_CHARS}]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,9}))?)?)?${W}*(Z|[+-]\\d{2}(?::?\\d{2})?)?$()`;
const CHINESE = `^(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?${W}*(?:(\\d{1,2})${W}*[时點点:：]${W}*(?:(\\d{1,2})${W}*[分:：]?${W}*(?:(\\d{1,2})${W}*秒?)?)?)?$()()()`;
const US = `(?i)^(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:${W}+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?${W}*([AP]M)?)?$()`;
const COMPACT = '^(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2})?)?$()()()';
const EPOCH = '^\\d{10}(?:\\d{3})?$';
const EXCEL_SERIAL = '^\\d{1,6}(?:\\.\\d+)?$';
const GROUPS = "['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9']";

/** Date.UTC(1899, 11, 30): the day Excel counts serial numbers from (time.ts). */
const EXCEL_EPOCH_MS = -2209161600000;

/** A regexp group as JS's Number(group ?? 0) for the digits these patterns capture. */
function int(group: string): string {
  return `coalesce(try_cast(nullif(${group}, '') AS BIGINT), 0)`;
}

/**
 * The layers that parse column `raw` into `${p}_ms` (BIGINT, NULL when empty or not a
 * time) and `${p}_problem` ('time_unparseable' | 'time_impossible' | NULL), with the text
 * as `${p}_text` where there is a problem (both NULL: the cell was empty). Helper columns
 * are named `${p}__…` so that the caller can drop them.
 */
export function timestampLayers(raw: string, p: string, cityOffsetMinutes: number): string[][] {
  const h = (name: string): string => `${p}__${name}`;
  const v = h('v'), k = h('k'), m = h('m');
  const cityMs = cityOffsetMinutes * 60_000;
  const fast = h('fast');
  return [
    // "YYYY-MM-DD HH:MM:SS", the form of most exports, by DuckDB's strptime (parseCanonical's
    // fast path; LIKE fixes the length and the separators, strptime reads only digits between
    // them, but for a space before the year, hence the first digit). Hour 24, second 60 and years below 100 read otherwise than Date.UTC: those, and
    // dates that do not exist (NULL here), go the long way, which names the problem.
    [`CASE WHEN ${raw} LIKE '____-__-__%__:__:__' AND length(${raw}) = 19 AND substr(${raw}, 1, 1) BETWEEN '0' AND '9' AND NOT starts_with(${raw}, '00')
        AND substr(${raw}, 12, 2) <= '23' AND substr(${raw}, 15, 2) <= '59' AND substr(${raw}, 18, 2) <= '59'
      THEN epoch_ms(try_strptime(${raw}, ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S'])) END AS ${fast}`],
    [`CASE WHEN ${fast} IS NULL THEN ${jsTrimSql(raw)} END AS ${v}`],
    [`CASE WHEN ${v} IS NULL THEN NULL
      WHEN regexp_matches(${v}, ${sqlPattern(ISO)}) THEN 'iso'
      WHEN regexp_matches(${v}, ${sqlPattern(CHINESE)}) THEN 'zh'
      WHEN regexp_matches(${v}, ${sqlPattern(US)}) THEN 'us'
      WHEN regexp_matches(${v}, ${sqlPattern(COMPACT)}) THEN 'compact'
      WHEN regexp_matches(${v}, ${sqlPattern(EPOCH)}) THEN 'epoch'
      WHEN regexp_matches(${v}, ${sqlPattern(EXCEL_SERIAL)}) THEN 'excel' END AS ${k}`],
    [`CASE ${k} WHEN 'iso' THEN regexp_extract(${v}, ${sqlPattern(ISO)}, ${GROUPS})
      WHEN 'zh' THEN regexp_extract(${v}, ${sqlPattern(CHINESE)}, ${GROUPS})
      WHEN 'us' THEN regexp_extract(${v}, ${sqlPattern(US)}, ${GROUPS})
      WHEN 'compact' THEN regexp_extract(${v}, ${sqlPattern(COMPACT)}, ${GROUPS}) END AS ${m}`],
    [
      // US dates are month first: the groups come in another order.
      `${int(`CASE WHEN ${k} = 'us' THEN ${m}.g3 ELSE ${m}.g1 END`)} AS ${h('y')}`,
      `${int(`CASE WHEN ${k} = 'us' THEN ${m}.g1 ELSE ${m}.g2 END`)} AS ${h('mo')}`,
      `${int(`CASE WHEN ${k} = 'us' THEN ${m}.g2 ELSE ${m}.g3 END`)} AS ${h('d')}`,
      `${int(`${m}.g4`)} AS ${h('hr')}`,
      `${int(`${m}.g5`)} AS ${h('mi')}`,
      `${int(`${m}.g6`)} AS ${h('se')}`,
      `CASE WHEN ${k} IN ('iso', 'us') THEN ${m}.g7 ELSE '' END AS ${h('f')}`,
      `CASE WHEN ${k} = 'iso' THEN ${m}.g8 ELSE '' END AS ${h('z')}`,
      `CASE WHEN ${k} = 'us' THEN upper(${m}.g8) ELSE '' END AS ${h('ap')}`,
      `CASE WHEN ${k} = 'excel' THEN try_cast(${v} AS DOUBLE) END AS ${h('serial')}`,
    ],
    [
      // A 12-hour clock: 12 AM is 0 h, 12 PM is 12 h; hours outside 1–12 are impossible.
      `CASE WHEN ${h('ap')} = '' THEN ${h('hr')} ELSE ${h('hr')} % 12 + CASE WHEN ${h('ap')} = 'PM' THEN 12 ELSE 0 END END AS ${h('hh')}`,
      `(${h('ap')} <> '' AND (${h('hr')} < 1 OR ${h('hr')} > 12)) AS ${h('bad_clock')}`,
      `CASE WHEN ${h('mo')} = 2 AND ((${h('y')} % 4 = 0 AND ${h('y')} % 100 <> 0) OR ${h('y')} % 400 = 0) THEN 29
        WHEN ${h('mo')} BETWEEN 1 AND 12 THEN [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][${h('mo')}] ELSE 0 END AS ${h('dim')}`,
    ],
    [`CASE WHEN ${fast} IS NOT NULL THEN ${fast}
      WHEN ${k} IN ('iso', 'zh', 'us', 'compact') THEN
        CASE WHEN NOT ${h('bad_clock')} AND ${h('mo')} BETWEEN 1 AND 12 AND ${h('d')} >= 1 AND ${h('d')} <= ${h('dim')}
          AND ${h('hh')} <= 23 AND ${h('mi')} <= 59 AND ${h('se')} <= 59 THEN
          -- Date.UTC reads years 0–99 as 1900–1999.
          epoch_ms(make_timestamp(CASE WHEN ${h('y')} < 100 THEN ${h('y')} + 1900 ELSE ${h('y')} END, ${h('mo')}, ${h('d')}, ${h('hh')}, ${h('mi')}, ${h('se')}::DOUBLE))
          + CASE WHEN ${h('f')} = '' THEN 0 ELSE CAST(round(('0.' || ${h('f')})::DOUBLE * 1000) AS BIGINT) END
          + CASE WHEN ${h('z')} = '' THEN 0 ELSE (${cityOffsetMinutes} - CASE WHEN upper(${h('z')}) = 'Z' THEN 0 ELSE
              (CASE WHEN starts_with(${h('z')}, '-') THEN -1 ELSE 1 END)
              * (CAST(substr(replace(substr(${h('z')}, 2), ':', ''), 1, 2) AS BIGINT) * 60 + ${int(`substr(replace(substr(${h('z')}, 2), ':', ''), 3, 2)`)}) END) * 60000 END
        END
      WHEN ${k} = 'epoch' THEN CASE WHEN length(${v}) = 13 THEN CAST(${v} AS BIGINT) ELSE CAST(${v} AS BIGINT) * 1000 END + ${cityMs}
      -- Serial 60 is Lotus's 1900-02-29; serials below 61 are one day off.
      WHEN ${k} = 'excel' AND ${h('serial')} >= 1 AND floor(${h('serial')}) <> 60 THEN
        ${EXCEL_EPOCH_MS} + CAST(round(CASE WHEN ${h('serial')} < 61 THEN ${h('serial')} + 1 ELSE ${h('serial')} END * 86400000 / 1000) AS BIGINT) * 1000
      END AS ${p}_ms`],
    // v is NULL for an empty cell and for one the fast path read.
    [`CASE WHEN ${v} IS NULL THEN NULL WHEN ${k} IS NULL THEN 'time_unparseable' WHEN ${p}_ms IS NULL THEN 'time_impossible' END AS ${p}_problem`],
    // The text is kept only where a message quotes it: a million copies of good times cost more than their parsing.
    [`CASE WHEN ${p}_problem IS NOT NULL THEN ${raw} END AS ${p}_text`],
  ];
}

/** Layers of several columns side by side: layer n of each column goes into the same SELECT. */
export function zipLayers(all: readonly string[][][]): string[][] {
  const depth = Math.max(0, ...all.map((layers) => layers.length));
  return Array.from({ length: depth }, (_, n) => all.flatMap((layers) => layers[n] ?? []));
}

/**
 * `SELECT * FROM source` with the layers' columns added one layer after another (each
 * layer may use the columns of the layers before it), helper columns (`…__…`) and the
 * source columns in `drop` left out (a table written with every raw text twice costs more
 * than all the parsing).
 */
export function layeredSelect(source: string, layers: readonly string[][], drop: readonly string[] = []): string {
  const ctes = layers.map((exprs, n) => `l${n + 1} AS (SELECT *${exprs.length ? `, ${exprs.join(',\n  ')}` : ''} FROM ${n === 0 ? source : `l${n}`})`);
  if (layers.length === 0) return `SELECT * FROM ${source}`;
  const helpers = [...drop, ...layers.flat().map((expr) => /AS (\w+)$/.exec(expr.trim())?.[1] ?? '').filter((name) => name.includes('__'))];
  return `WITH ${ctes.join(',\n')}\nSELECT *${helpers.length ? ` EXCLUDE (${helpers.join(', ')})` : ''} FROM l${layers.length}`;
}
