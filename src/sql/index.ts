export { sqlIdentifier, sqlNumber, sqlString, sqlStringList, sqlTimestamp } from './literal';
export { dayToDate, inPeriod, lastDays, periodHours, presetPeriod, TIME_PRESETS, type Period, type TimePreset } from './period';
export { eventWhere, unitPrefix, type EventFilter } from './filter';
export { kpiStrip, VALID } from './kpis';
export { eventById, eventIdByRow, eventPoints } from './points';
export { createTableFromCsv, EVENT_COLUMN_TYPES, OFFLINE_SETTINGS, UNIT_COLUMN_TYPES } from './load';
export { dailyIntakeByCategory } from './trends';
export { unitMeasures, UNIT_KEY_LENGTH, type UnitMeasuresOptions } from './unit-measures';
