import { replaceEventsBy } from './refresh';
import { sqlIdentifier, sqlString } from './literal';

/**
 * The statements that install the user's own data (the data loader): new `events` and
 * `units` are built beside the live ones under these names, checked, then renamed in by one
 * transaction. The events half of the swap is `replaceEventsBy`, the same statement the
 * wall's live refresh uses.
 */
export const EVENTS_LOADING = 'events_loading';
export const UNITS_LOADING = 'units_loading';

export function dropLoadingTables(): string {
  return `DROP TABLE IF EXISTS ${sqlIdentifier(EVENTS_LOADING)}; DROP TABLE IF EXISTS ${sqlIdentifier(UNITS_LOADING)}`;
}

/** Both loading tables in place of `events` and `units`, in one transaction. */
export function swapInLoadingTables(): string {
  return `BEGIN TRANSACTION;
${replaceEventsBy(EVENTS_LOADING)}
DROP TABLE IF EXISTS units;
ALTER TABLE ${sqlIdentifier(UNITS_LOADING)} RENAME TO units;
COMMIT`;
}

/** How many units have no parent (a hierarchy needs exactly one), as `n`. */
export function loadingRootCount(): string {
  return `SELECT count(*)::INTEGER AS n FROM ${sqlIdentifier(UNITS_LOADING)} WHERE parent_code IS NULL`;
}

/** How many loading events lack a grid code or lie outside the code prefix of the top unit, as `n`. */
export function loadingEventsOutside(rootPrefix: string): string {
  return `SELECT count(*)::INTEGER AS n FROM ${sqlIdentifier(EVENTS_LOADING)} WHERE grid_code IS NULL OR NOT starts_with(grid_code, ${sqlString(rootPrefix)})`;
}
