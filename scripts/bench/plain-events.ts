import { closeSync, openSync, readSync } from 'node:fs';
import { CsvRowReader } from '../lib/csv';

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

/** Parse events.csv (its text, whole) into row objects. */
export function parsePlainEvents(csv: string): PlainEvent[] {
  return parsePlainEventPieces([csv], true);
}

/**
 * Read events.csv into row objects in pieces of 64 MB (at 5M events the file is larger than
 * a string may be). `withText: false` leaves description and address empty: no question
 * reads them, and with them 5M row objects do not fit in a 12 GB heap (measured).
 */
export function readPlainEvents(path: string, options: { pieceBytes?: number; withText?: boolean } = {}): PlainEvent[] {
  return parsePlainEventPieces(readTextPieces(path, options.pieceBytes ?? 64 * 2 ** 20), options.withText ?? true);
}

function* readTextPieces(path: string, pieceBytes: number): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(pieceBytes);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (;;) {
      const read = readSync(fd, buffer, 0, pieceBytes, null);
      if (read === 0) break;
      yield decoder.decode(buffer.subarray(0, read), { stream: true });
    }
    yield decoder.decode();
  } finally {
    closeSync(fd);
  }
}

function parsePlainEventPieces(pieces: Iterable<string>, withText = true): PlainEvent[] {
  const events: PlainEvent[] = [];
  let c: Record<string, number> | null = null;
  const reader = new CsvRowReader((r) => {
    if (c === null) {
      c = Object.fromEntries(r.map((name, index) => [name, index]));
      for (const name of ['event_id', 'grid_code', 'reported_at', 'due_at']) if (c[name] === undefined) throw new Error(`events.csv has no column "${name}"`);
      return;
    }
    if (r.length <= 1) return;
    const k = c;
    events.push({
      event_id: r[k.event_id!]!, channel: r[k.channel!]!, category: r[k.category!]!, subcategory: r[k.subcategory!]!,
      severity: Number(r[k.severity!]), lon: Number(r[k.lon!]), lat: Number(r[k.lat!]), grid_code: r[k.grid_code!]!,
      department: r[k.department!]!, status: r[k.status!]!, closed_level: r[k.closed_level!] || null,
      reported_at: toDate(r[k.reported_at!])!, dispatched_at: toDate(r[k.dispatched_at!]), accepted_at: toDate(r[k.accepted_at!]),
      resolved_at: toDate(r[k.resolved_at!]), closed_at: toDate(r[k.closed_at!]), due_at: toDate(r[k.due_at!])!,
      outcome: r[k.outcome!] || null, satisfaction: r[k.satisfaction!] || null, description: withText ? r[k.description!]! : '', address: withText ? r[k.address!]! : '',
    });
  });
  for (const piece of pieces) reader.push(piece);
  reader.end();
  return events;
}
