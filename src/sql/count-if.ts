/**
 * How many rows meet `condition`, as SQL: the same count as `count(*) FILTER (WHERE
 * condition)` (a NULL condition is not met; no rows → 0), written with DuckDB's `count_if`
 * because that is evaluated as one boolean column instead of a selection per aggregate,
 * which is cheaper when a scan counts many conditions (the trend series counts a dozen).
 * `count_if` alone gives NULL over no rows (or only NULL conditions) and a HUGEINT, which
 * reaches JS as text: hence the coalesce and the cast.
 */
export function countIf(condition: string): string {
  return `coalesce(count_if(${condition}), 0)::BIGINT`;
}
