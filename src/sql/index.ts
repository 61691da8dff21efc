export { sqlIdentifier, sqlNumber, sqlString, sqlStringList, sqlTimestamp } from './literal';
export { dayToDate, inPeriod, lastDays, type Period } from './period';
export { eventWhere, unitPrefix, type EventFilter } from './filter';
export { kpiStrip, VALID } from './kpis';
export { eventPoints } from './points';
export { createTableFromCsv, EVENT_COLUMN_TYPES, OFFLINE_SETTINGS, UNIT_COLUMN_TYPES } from './load';
export { dailyIntakeByCategory } from './trends';
