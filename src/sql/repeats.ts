import { eventWhere, type EventFilter } from './filter';
import { sqlNumber, sqlTimestamp } from './literal';
import type { Period } from './period';
import { DAY_MS } from '../domain/wall-clock';
import { timestampText } from './time-text';
import { shiftDays } from './trend-periods';

/** Mean Earth radius in metres (IUGG), for the haversine distance. */
export const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

export interface RepeatOptions {
  /** Repeats are reported when their latest event falls in this period. */
  period: Period;
  filter?: EventFilter;
  /** Same place: within this many metres of an event (default 100). */
  radiusM?: number;
  /** Several times: at least this many events, the latest included (default 3). */
  minCount?: number;
  /** Within this many days up to the latest event (default 7). */
  windowDays?: number;
}

/** SQL haversine distance in metres between two WGS84 points. */
export function haversineSql(lon1: string, lat1: string, lon2: string, lat2: string): string {
  const half = (a: string, b: string) => `pow(sin(radians(${b} - ${a}) / 2), 2)`;
  return `(2 * ${sqlNumber(EARTH_RADIUS_M)} * asin(sqrt(${half(lat1, lat2)} + cos(radians(${lat1})) * cos(radians(${lat2})) * ${half(lon1, lon2)})))`;
}

/**
 * Repeated complaints (重复投诉): places where events of one category came back at least
 * `minCount` times within `windowDays` days, within `radiusM` metres.
 *
 * How: every event of the period is an anchor; its neighbours are the events of the same
 * category reported in the `windowDays` days up to it (itself included) within `radiusM`
 * metres by the haversine distance. Neighbours are found with a grid-bucket join: points go
 * into cells at least `radiusM` wide (latitude step radius/111 km; longitude step widened by
 * 1/cos of the largest latitude in the data), and each anchor is joined to the events of
 * its own and the 8 adjacent cells of the same category (an equality hash join), then the
 * exact distance is checked. Before that, anchors whose 3 × 3 cells hold fewer than
 * `minCount` events of the category over the whole span are dropped: they cannot have
 * enough neighbours (an exact bound, so the answer is unchanged), and on a month of a
 * big city most anchors are such, which spares most of the pair join. An anchor with at least `minCount` neighbours makes its cell a
 * repeat place; a place adjacent to a larger one of the same category is merged into it
 * (dropped, its events being counted by the larger one), so one doorstep straddling a cell
 * border is reported once.
 *
 * One row per place: category, grid_code (of its latest event), lon/lat (mean of its
 * events), `event_count` (distinct events in the neighbourhoods of its anchors),
 * `first_reported`/`last_reported`, `event_ids` (comma-separated, oldest first) and the
 * most common `address`. Invalid/duplicate reports are counted: a duplicate report of the
 * same matter is what a repeated complaint looks like.
 */
export function repeatedComplaints(options: RepeatOptions): string {
  const { period, filter = {} } = options;
  const radius = options.radiusM ?? 100;
  const minCount = options.minCount ?? 3;
  const windowDays = options.windowDays ?? 7;
  if (!(radius > 0 && radius <= 5000)) throw new Error(`Invalid radius ${radius} m: expected a number in (0, 5000]`);
  if (!Number.isInteger(minCount) || minCount < 2) throw new Error(`Invalid minimum count ${minCount}: expected a whole number >= 2`);
  if (!(windowDays > 0 && windowDays <= 90)) throw new Error(`Invalid window ${windowDays} days: expected a number in (0, 90]`);
  const from = sqlTimestamp(shiftDays(period.start, -windowDays));
  const start = sqlTimestamp(period.start), end = sqlTimestamp(period.end);
  const latStep = radius / METRES_PER_DEGREE;
  const window = `INTERVAL ${sqlNumber(Math.round(windowDays * DAY_MS))} MILLISECOND`;
  return `WITH points AS MATERIALIZED (
  SELECT event_id, category, grid_code, address, lon, lat, reported_at
  FROM events
  WHERE reported_at >= ${from} AND reported_at < ${end} AND lon IS NOT NULL AND lat IS NOT NULL AND ${eventWhere(filter)}
),
step AS (
  SELECT ${sqlNumber(latStep)} AS lat_step, ${sqlNumber(latStep)} / cos(radians(least(max(abs(lat)), 89))) AS lon_step FROM points
),
cells AS MATERIALIZED (
  SELECT p.*, floor(p.lon / s.lon_step)::BIGINT AS cx, floor(p.lat / s.lat_step)::BIGINT AS cy FROM points p, step s
),
offsets AS (SELECT unnest([-1, -1, -1, 0, 0, 0, 1, 1, 1]) AS dx, unnest([-1, 0, 1, -1, 0, 1, -1, 0, 1]) AS dy),
cell_counts AS MATERIALIZED (
  SELECT category, cx, cy, count(*) AS n FROM cells GROUP BY ALL
),
-- The 3 × 3 sums only of cells that hold an anchor, each looking up its 9 cells in
-- cell_counts (an equality join on plain columns): spreading every cell over its 9
-- neighbours and grouping made ~7 groups per cell (635,000 at 1M events, a month) and took
-- a third longer for the whole query (docs/briefing.md, Speed).
probes AS MATERIALIZED (
  SELECT a.category, a.cx, a.cy, a.cx + o.dx AS ncx, a.cy + o.dy AS ncy
  FROM (SELECT DISTINCT category, cx, cy FROM cells WHERE reported_at >= ${start}) a CROSS JOIN offsets o
),
dense AS MATERIALIZED (
  SELECT p.category, p.cx, p.cy
  FROM probes p JOIN cell_counts c ON c.category = p.category AND c.cx = p.ncx AND c.cy = p.ncy
  GROUP BY ALL
  HAVING sum(c.n) >= ${sqlNumber(minCount)}
),
around AS MATERIALIZED (
  SELECT a.event_id AS anchor, a.category, a.cx, a.cy, a.lon, a.lat, a.reported_at, a.cx + o.dx AS ncx, a.cy + o.dy AS ncy
  FROM cells a
  SEMI JOIN dense d ON d.category = a.category AND d.cx = a.cx AND d.cy = a.cy
  CROSS JOIN offsets o
  WHERE a.reported_at >= ${start}
),
pairs AS MATERIALIZED (
  SELECT a.anchor, a.category, a.cx, a.cy, b.event_id AS neighbour
  FROM around a
  JOIN cells b ON b.category = a.category AND b.cx = a.ncx AND b.cy = a.ncy
  WHERE b.reported_at <= a.reported_at AND b.reported_at > a.reported_at - ${window}
    AND ${haversineSql('a.lon', 'a.lat', 'b.lon', 'b.lat')} <= ${sqlNumber(radius)}
),
anchors AS (
  SELECT anchor, category, cx, cy FROM pairs GROUP BY ALL HAVING count(*) >= ${sqlNumber(minCount)}
),
places AS (
  SELECT a.category, a.cx, a.cy, count(DISTINCT p.neighbour) AS event_count
  FROM anchors a JOIN pairs p ON p.anchor = a.anchor
  GROUP BY ALL
),
kept AS (
  SELECT p.* FROM places p
  WHERE NOT EXISTS (
    SELECT 1 FROM places q
    WHERE q.category = p.category AND abs(q.cx - p.cx) <= 1 AND abs(q.cy - p.cy) <= 1 AND (q.cx <> p.cx OR q.cy <> p.cy)
      AND (q.event_count > p.event_count OR (q.event_count = p.event_count AND (q.cx < p.cx OR (q.cx = p.cx AND q.cy < p.cy))))
  )
),
members AS (
  SELECT DISTINCT k.category, k.cx, k.cy, k.event_count, c.event_id, c.grid_code, c.address, c.lon, c.lat, c.reported_at
  FROM kept k
  JOIN places q ON q.category = k.category AND abs(q.cx - k.cx) <= 1 AND abs(q.cy - k.cy) <= 1
  JOIN anchors a ON a.category = q.category AND a.cx = q.cx AND a.cy = q.cy
  JOIN pairs p ON p.anchor = a.anchor
  JOIN cells c ON c.event_id = p.neighbour
),
-- The most common address of a place; a tie goes to the address reported first. (mode()
-- would break it by the order rows arrive in, which changes with the table's physical order.)
place_address AS (
  SELECT category, cx, cy, address FROM members
  WHERE address IS NOT NULL
  GROUP BY category, cx, cy, address
  QUALIFY row_number() OVER (PARTITION BY category, cx, cy ORDER BY count(*) DESC, min(reported_at), min(event_id)) = 1
)
SELECT m.category, arg_max(m.grid_code, m.reported_at) AS grid_code, avg(m.lon) AS lon, avg(m.lat) AS lat,
  count(*)::INTEGER AS event_count, ${timestampText('min(m.reported_at)')} AS first_reported, ${timestampText('max(m.reported_at)')} AS last_reported,
  string_agg(m.event_id, ',' ORDER BY m.reported_at, m.event_id) AS event_ids, any_value(a.address) AS address
FROM members m
LEFT JOIN place_address a ON a.category = m.category AND a.cx = m.cx AND a.cy = m.cy
GROUP BY m.category, m.cx, m.cy
HAVING max(m.reported_at) >= ${start}
ORDER BY count(*) DESC, last_reported DESC, m.category`;
}
