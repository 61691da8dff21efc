import { countIf } from './count-if';
import { KPI_TILES, measure, type KpiTile, type KpiWindow } from '../domain/measures';
import { eventWhere, type EventFilter } from './filter';
import { sqlTimestamp } from './literal';
import { durationRows, MEASURE_SQL, scanWhere } from './measure-sql';
import { DAY_MS, timestampMs, wallClockText } from '../domain/wall-clock';
import { dayToDate, inPeriod, lastDays, type Period } from './period';


/** The result columns of a tile's coverage: rows carrying the measure's input, rows in scope. */
export const kpiCoverageColumns = (tileId: string) => ({ n: `${tileId}__n`, base: `${tileId}__base` });

/**
 * One tile's expression: the registry measure's SQL (src/sql/measure-sql.ts) over the
 * tile's window, plus its coverage counts when the measure has an input that loaded data
 * may lack on some rows.
 */
function tileColumns(tile: KpiTile, now: string, windowPeriod: (window: KpiWindow) => Period): string[] {
  const sql = MEASURE_SQL[tile.measure];
  const period = windowPeriod(tile.window);
  const inWindow = (column: string) => inPeriod(column, period);
  const coverage = measure(tile.measure).coverage;
  const { n, base } = kpiCoverageColumns(tile.id);
  switch (sql.form) {
    case 'count': {
      const scan = scanWhere(sql.scan, inWindow, now);
      const covered = coverage ? [`${countIf(`${scan} AND ${coverage.input} IS NOT NULL`)} AS ${n}`, `${countIf(scan)} AS ${base}`] : [];
      return [`${countIf(`${scan} AND ${sql.where(now)}`)} AS ${tile.id}`, ...covered];
    }
    case 'rate': {
      const scan = scanWhere(sql.scan, inWindow, now);
      const trials = `${scan} AND ${sql.trials(now)}`;
      return [
        `(${countIf(`${trials} AND ${sql.hits(now)}`)})::DOUBLE / nullif(${countIf(trials)}, 0) AS ${tile.id}`,
        `${countIf(trials)} AS ${n}`,
        `${countIf(scan)} AS ${base}`,
      ];
    }
    case 'duration': {
      const rows = `${scanWhere('reported', inWindow, now)} AND ${durationRows(sql, now)}`;
      return [`quantile_cont(epoch_ms(${sql.to}) - epoch_ms(${sql.from}), ${sql.quantile}) FILTER (WHERE ${rows}) / 3600000.0 AS ${tile.id}`];
    }
    case 'unit': throw new Error(`KPI tile "${tile.id}": measure "${tile.measure}" is a per-unit measure, not a tile`);
  }
}

/**
 * The first screen's KPI strip in one scan of `events`, one column per tile of
 * KPI_TILES (src/domain/measures/uses.ts). `asOf` is the data time (city-local), so
 * "today" and "open" mean the same thing for every viewer; `period` is the user's
 * selected time range.
 */
export function kpiStrip(asOf: string, filter: EventFilter = {}, period: Period = lastDays(asOf, 30)): string {
  const now = sqlTimestamp(asOf);
  const windowPeriod = (window: KpiWindow): Period => {
    switch (window) {
      case 'selected': return period;
      case 'today': return dayToDate(asOf);
      case '30d': return lastDays(asOf, 30);
      // A stock is taken at the data time; its scan does not read a period.
      case 'now': return dayToDate(asOf);
    }
  };
  const select = KPI_TILES.flatMap((tile) => tileColumns(tile, now, windowPeriod)).map((expression) => `  ${expression}`).join(',\n');
  return `SELECT\n${select}\nFROM events\nWHERE ${eventWhere(filter)}`;
}

/** The result column of kpiStripPrevious saying whether a tile's comparison window lies within the loaded data. */
export const kpiComparisonCovered = (tileId: string) => `${tileId}__covered`;

/** How far back each tile's comparison lies: the selected period's own length, a day, or 30 days. */
function comparisonShiftMs(window: KpiWindow, period: Period): number {
  switch (window) {
    case 'selected': return timestampMs(period.end) - timestampMs(period.start);
    case 'today': case 'now': return DAY_MS;
    case '30d': return 30 * DAY_MS;
  }
}

const shifted = (period: Period, ms: number): Period => ({ start: wallClockText(timestampMs(period.start) - ms), end: wallClockText(timestampMs(period.end) - ms) });

/**
 * The same tiles one comparison earlier, in one scan: the selected range against the
 * range of equal length just before it (a running month of 4.4 days against the 4.4 days
 * before, so an unfinished period is never compared with a whole one), today so far against
 * the same hours yesterday, stocks against 24 hours earlier, 30-day rates against the 30
 * days before. Each tile is computed exactly as in kpiStrip, at its shifted data time.
 */
export function kpiStripPrevious(asOf: string, filter: EventFilter = {}, period: Period = lastDays(asOf, 30)): string {
  const select = KPI_TILES.flatMap((tile) => {
    const shift = comparisonShiftMs(tile.window, period);
    const earlierAsOf = wallClockText(timestampMs(asOf) - shift);
    const windowPeriod = (window: KpiWindow): Period => {
      switch (window) {
        case 'selected': return shifted(period, shift);
        case 'today': case 'now': return dayToDate(earlierAsOf);
        case '30d': return lastDays(earlierAsOf, 30);
      }
    };
    // A comparison window that begins before the first loaded report (the whole span, a short
    // extract) would compare with rows that were never loaded: said, not shown as a change.
    const covered = `${sqlTimestamp(windowPeriod(tile.window).start)} >= (SELECT min(reported_at) FROM events) AS ${kpiComparisonCovered(tile.id)}`;
    return [...tileColumns(tile, sqlTimestamp(earlierAsOf), windowPeriod), covered];
  }).map((expression) => `  ${expression}`).join(',\n');
  return `SELECT\n${select}\nFROM events\nWHERE ${eventWhere(filter)}`;
}
