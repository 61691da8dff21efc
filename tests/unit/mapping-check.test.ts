import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/ingest/csv';
import { checkMapping } from '../../src/ingest/mapping-check';
import type { EventMapping } from '../../src/ingest/mapping';

/**
 * 200 rows of a 311-style export whose "Resolution Action Updated Date" is later than the
 * closing time on every 20th row (5 %): mapped as resolved_at, it would reject those rows
 * as "lifecycle out of order". The mapping step must say so before validation (issue #14 point 3).
 */
function exportWithUpdateStamps(rows = 200): string {
  const lines = ['Unique Key,Created Date,Closed Date,Resolution Action Updated Date,Complaint Type,Longitude,Latitude'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const updated = i % 20 === 0 ? `2024-03-${day} 18:00` : `2024-03-${day} 11:00`;
    lines.push(`K${i},2024-03-${day} 09:00,2024-03-${day} 12:00,${updated},Noise,119.9,28.4`);
  }
  return lines.join('\n');
}

const mapping: EventMapping = {
  version: 1, crs: 'wgs84',
  columns: { event_id: 'Unique Key', reported_at: 'Created Date', closed_at: 'Closed Date', resolved_at: 'Resolution Action Updated Date', category: 'Complaint Type', lon: 'Longitude', lat: 'Latitude' },
};

describe('the mapping check: value ranges and columns that alone reject rows', () => {
  const table = parseCsv(exportWithUpdateStamps(), 'sr.csv');

  it('finds the column that rejects more than 1 % of rows, with its rule and count, on the whole table when it is small', () => {
    const check = checkMapping(table, mapping);
    expect(check.exact).toBe(true);
    // The closing time and the update stamp contradict each other on the same rows: the update stamp is named first.
    expect(check.risks).toEqual([{ column: 'resolved_at', source: 'Resolution Action Updated Date', rule: 'lifecycle_out_of_order', rows: 10, of: 200, share: 0.05, alongWith: [{ column: 'closed_at', source: 'Closed Date' }] }]);
  });

  it('finds nothing once the update stamp is no longer mapped', () => {
    const columns = { ...mapping.columns };
    delete columns.resolved_at;
    expect(checkMapping(table, { ...mapping, columns }).risks).toEqual([]);
  });

  it('shows each mapped column\'s range: times from earliest to latest, numbers from smallest to largest, text by its commonest values', () => {
    const check = checkMapping(table, mapping);
    const of = (column: string) => check.profiles.find((p) => p.column === column)!;
    expect(of('resolved_at').range).toEqual({ min: '2024-03-01 11:00', max: '2024-03-28 11:00' });
    expect(of('resolved_at').filled).toBe(200);
    expect(of('lon').range).toEqual({ min: '119.9', max: '119.9' });
    expect(of('category').common).toEqual([{ value: 'Noise', count: 200 }]);
  });

  it('estimates from a spread sample on a large table, and says it is a sample', () => {
    const big = parseCsv(exportWithUpdateStamps(4_000), 'big.csv');
    const check = checkMapping(big, mapping, {}, 1_000);
    expect(check.exact).toBe(false);
    expect(check.sampled).toBe(1_000);
    expect(check.risks[0]!.column).toBe('resolved_at');
    expect(check.risks[0]!.share).toBeGreaterThan(0.03);
    expect(check.risks[0]!.share).toBeLessThan(0.07);
  });

  it('counts unreadable times of a mapped time column', () => {
    const broken = parseCsv('id,reported,kind,lon,lat\n1,yesterday,Noise,119.9,28.4\n2,2024-03-01 09:00,Noise,119.9,28.4\n', 'b.csv');
    const check = checkMapping(broken, { version: 1, crs: 'wgs84', columns: { event_id: 'id', reported_at: 'reported', category: 'kind', lon: 'lon', lat: 'lat' } });
    expect(check.profiles.find((p) => p.column === 'reported_at')).toMatchObject({ filled: 2, unreadable: 1, range: { min: '2024-03-01 09:00', max: '2024-03-01 09:00' } });
  });
});
