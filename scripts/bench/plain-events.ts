import { parseCsv } from '../lib/csv';

/**
 * An event the way a plain JavaScript dashboard holds it: one object per row, dates as
 * Date objects. This is the "obvious alternative" the benchmark compares OneMap against.
 */
export interface PlainEvent {
  event_id: string; channel: string; category: string; subcategory: string; severity: number;
  lon: number; lat: number; grid_code: string; department: string; status: string;
  closed_level: string | null; reported_at: Date; dispatched_at: Date | null; accepted_at: Date | null;
  resolved_at: Date | null; closed_at: Date | null; due_at: Date; outcome: string | null;
  satisfaction: string | null; description: string; address: string;
}

// Wall-clock text read as UTC so that, like DuckDB's TIMESTAMP, it ignores the machine's zone.
const toDate = (text: string | undefined): Date | null => (text ? new Date(`${text.replace(' ', 'T')}Z`) : null);

/** Parse events.csv into row objects. */
export function parsePlainEvents(csv: string): PlainEvent[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const at = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`events.csv has no column "${name}"`);
    return index;
  };
  const c = Object.fromEntries(header.map((name) => [name, at(name)])) as Record<string, number>;
  return rows.filter((r) => r.length > 1).map((r) => ({
    event_id: r[c.event_id!]!, channel: r[c.channel!]!, category: r[c.category!]!, subcategory: r[c.subcategory!]!,
    severity: Number(r[c.severity!]), lon: Number(r[c.lon!]), lat: Number(r[c.lat!]), grid_code: r[c.grid_code!]!,
    department: r[c.department!]!, status: r[c.status!]!, closed_level: r[c.closed_level!] || null,
    reported_at: toDate(r[c.reported_at!])!, dispatched_at: toDate(r[c.dispatched_at!]), accepted_at: toDate(r[c.accepted_at!]),
    resolved_at: toDate(r[c.resolved_at!]), closed_at: toDate(r[c.closed_at!]), due_at: toDate(r[c.due_at!])!,
    outcome: r[c.outcome!] || null, satisfaction: r[c.satisfaction!] || null, description: r[c.description!]!, address: r[c.address!]!,
  }));
}
