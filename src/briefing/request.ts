import type { EventFilter } from '../sql/filter';
import type { Period } from '../sql/period';
import { DAY_MS, wallClockDate, wallClockMs, wallClockText } from '../domain/wall-clock';
import { addPeriods, comparedPeriods, type ComparedPeriods } from '../sql/trend-periods';
import { KIND_GRANULARITY, SERIES_PERIODS, type BriefingKind } from './kinds';

/** What a briefing is asked for: the same on the page, in the command and in the tests. */
export interface BriefingRequest {
  kind: BriefingKind;
  /** Any day of the day, ISO week or month ("YYYY-MM-DD"). */
  date: string;
  /** The unit the briefing is about (the city by default). */
  unitCode: string;
  /** Attribute filters (the unit is set by unitCode). */
  filter?: Omit<EventFilter, 'unitCode'>;
}

/** The periods and moments a briefing describes. */
export interface BriefingPeriods extends ComparedPeriods {
  /**
   * The moment of "at the end of the period": backlog, overdue and open matters are taken
   * here; it is the period's last second, or the data time when the period is still running.
   */
  asOf: string;
  /** The whole days the period covers (anomalies and hot spots are per day). */
  days: Period;
  /** The trend charts' span: SERIES_PERIODS periods ending with the briefing's. */
  series: Period;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkBriefingDate(date: string): void {
  if (!DATE.test(date) || Number.isNaN(wallClockMs(date)) || wallClockDate(wallClockMs(date)) !== date) {
    throw new Error(`Invalid briefing date "${date}": expected a real calendar day as YYYY-MM-DD`);
  }
}

/** The periods of a briefing on data whose data time is `dataAsOf`. */
export function briefingPeriods(kind: BriefingKind, date: string, dataAsOf: string): BriefingPeriods {
  checkBriefingDate(date);
  const granularity = KIND_GRANULARITY[kind];
  const compared = comparedPeriods(granularity, date, dataAsOf);
  const endMs = wallClockMs(compared.current.end);
  const startMs = wallClockMs(compared.current.start);
  const lastDayEnd = Math.ceil(endMs / DAY_MS) * DAY_MS;
  return {
    ...compared,
    asOf: wallClockText(endMs - 1000),
    days: { start: compared.current.start, end: wallClockText(lastDayEnd) },
    series: { start: wallClockText(addPeriods(granularity, startMs, -(SERIES_PERIODS[kind] - 1))), end: compared.current.end },
  };
}
