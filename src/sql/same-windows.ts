import { DAY_MS, wallClockMs } from '../domain/wall-clock';
import { sqlNumber, sqlTimestamp } from './literal';
import type { Period } from './period';
import { VALID } from './predicates';

/** The flows whose running-period baseline is taken over the same elapsed windows. */
export const SAME_WINDOW_FLOWS: readonly string[] = ['intake', 'closed'];

/** How many earlier windows: the 28 days before a running day, the 4 weeks before a running week. */
const WINDOWS = { day: { count: 28, stepMs: DAY_MS }, week: { count: 4, stepMs: 7 * DAY_MS } } as const;

/**
 * SQL for the baseline of a day or week still running: the same elapsed span (e.g. Monday
 * 00:00 to Thursday 12:00) in each of the previous 28 days or 4 weeks, counted with the
 * definitions of trend-measures.ts (intake: every report; closed: valid closures). One scan
 * per flow: each row falls in window k = ceil((start − t) / step) and counts when its offset
 * in that window is below the elapsed time. Returns the CTE that counts (`same_windows`,
 * for the first list of CTEs) and the body of the baseline (needs `data_start`): mean over
 * the windows of the last 7 days and of all, and SD over all, of each flow. A window that
 * begins before the first day of data is not covered and left out, as in the daily baseline;
 * a covered window without events counts 0.
 */
export function sameElapsedWindows(granularity: 'day' | 'week', current: Period, where: string): { ctes: string; baseline: string } {
  const { count, stepMs } = WINDOWS[granularity];
  const startMs = wallClockMs(current.start);
  const elapsedMs = wallClockMs(current.end) - startMs;
  const start = sqlTimestamp(current.start);
  const scan = (column: string, extra: string) => {
    const d = `(epoch_ms(${start}) - epoch_ms(${column}))`;
    const k = `((${d} + ${sqlNumber(stepMs - 1)}) // ${sqlNumber(stepMs)})`;
    return `SELECT ${k} AS k, count(*) AS n FROM events
    WHERE ${column} >= ${start} - to_milliseconds(${sqlNumber(count * stepMs)}) AND ${column} < ${start} AND ${extra} AND ${where}
      AND ${k} * ${sqlNumber(stepMs)} - ${d} < ${sqlNumber(elapsedMs)}
    GROUP BY ALL`;
  };
  const ctes = `same_windows AS (
  SELECT w.k, w.window_start, coalesce(r.n, 0) AS intake, coalesce(c.n, 0) AS closed
  FROM (SELECT range AS k, ${start} - to_milliseconds(range * ${sqlNumber(stepMs)}) AS window_start FROM range(1, ${sqlNumber(count + 1)})) w
  LEFT JOIN (${scan('reported_at', 'TRUE')}) r ON r.k = w.k
  LEFT JOIN (${scan('closed_at', VALID)}) c ON c.k = w.k
)`;
  const last7 = `k * ${sqlNumber(stepMs)} <= ${sqlNumber(7 * DAY_MS)}`;
  const baseline = `
  SELECT ${SAME_WINDOW_FLOWS.map((m) => `avg(${m}) FILTER (WHERE ${last7}) AS ${m}_mean_7, avg(${m}) AS ${m}_mean_28, stddev_samp(${m}) AS ${m}_sd_28`).join(', ')}
  FROM same_windows
  WHERE window_start >= (SELECT first FROM data_start)::DATE
`;
  return { ctes, baseline };
}
