import type { Scalar } from '../engine/columns';

type Row = Record<string, Scalar>;
const text = (value: Scalar | undefined): string => (typeof value === 'string' ? value : '');

/**
 * A matter list has one row per place, with its count: a leader reading "the same grid
 * three times" sees noise, not three matters.
 *
 * Emerging hot spots: a run that keeps rising ends on several days and each end is a
 * candidate, so one unit × category comes back once per day of the run. The rows arrive
 * most improbable first; the first of each unit × category is kept and `flagged_days` says
 * on how many days its run was flagged.
 */
export function emergingByPlace(rows: readonly Row[]): Row[] {
  const kept = new Map<string, Row>();
  for (const row of rows) {
    const key = `${text(row.level)}|${text(row.unit_code)}|${text(row.category)}`;
    const first = kept.get(key);
    if (first) first.flagged_days = (first.flagged_days as number) + 1;
    else kept.set(key, { ...row, flagged_days: 1 });
  }
  return [...kept.values()];
}

/**
 * Repeated complaints: two neighbourhoods a couple of hundred metres apart can both qualify
 * and share events and their address. Places of one category with the same address are
 * one place: their events are united (each counted once), the span is the union of theirs,
 * the position the mean of theirs weighted by events, the grid that of the latest event.
 * Places without an address are kept as they are (nothing says they are the same place).
 * Ordered as the SQL orders them: most events first, then the latest.
 */
export function repeatsByPlace(rows: readonly Row[]): Row[] {
  const byKey = new Map<string, Row>();
  const idsOf = new Map<Row, Set<string>>();
  const out: Row[] = [];
  const count = (r: Row) => (typeof r.event_count === 'number' ? r.event_count : 0);
  for (const row of rows) {
    const ids = new Set(text(row.event_ids).split(',').filter((id) => id !== ''));
    const address = typeof row.address === 'string' ? row.address.trim() : '';
    const key = `${text(row.category)}|${address}`;
    const place = address === '' ? undefined : byKey.get(key);
    if (!place) {
      const entry = { ...row };
      if (address !== '') byKey.set(key, entry);
      idsOf.set(entry, ids);
      out.push(entry);
      continue;
    }
    const weight = count(place) + count(row);
    if (weight > 0 && typeof place.lon === 'number' && typeof row.lon === 'number' && typeof place.lat === 'number' && typeof row.lat === 'number') {
      place.lon = (place.lon * count(place) + row.lon * count(row)) / weight;
      place.lat = (place.lat * count(place) + row.lat * count(row)) / weight;
    }
    if (text(row.last_reported) > text(place.last_reported)) { place.last_reported = row.last_reported ?? null; place.grid_code = row.grid_code ?? null; }
    if (text(row.first_reported) < text(place.first_reported)) place.first_reported = row.first_reported ?? null;
    const united = idsOf.get(place)!;
    for (const id of ids) united.add(id);
    place.event_count = united.size;
    place.event_ids = [...united].join(',');
  }
  return out.sort((a, b) => (count(b) - count(a)) || text(b.last_reported).localeCompare(text(a.last_reported)));
}
