import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build';
import { briefingTables } from '../../src/briefing/tables';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { createEventsTableBulk } from '../support/bulk-events';
import type { EventFixture } from '../support/events-table';
import { createUnitsTable } from '../support/units-table';

/**
 * A briefing's department ranking says which way is better and does not order what the data
 * cannot tell apart (issue #15 point 4): three departments with 60 closed events each, two
 * on time 60 and 58 times (95 % intervals overlap), one 30 times (clearly behind).
 */
const UNITS = [
  { code: '331102', level: 'county', name: '莲都区', parent_code: '331100', population: 100000 },
  { code: '331102001', level: 'township', name: '一街道', parent_code: '331102', population: 50000 },
  { code: '331102001001', level: 'community', name: '一社区', parent_code: '331102001', population: 50000 },
  { code: '331102001001001', level: 'grid', name: '一网格', parent_code: '331102001001', population: 50000 },
];

function events(): EventFixture[] {
  const rows: EventFixture[] = [];
  for (const [department, onTime] of [['甲局', 60], ['乙局', 58], ['丙局', 30]] as const) {
    for (let k = 0; k < 60; k++) {
      const day = String(2 + (k % 25)).padStart(2, '0');
      rows.push({ department, grid_code: '331102001001001', reported_at: `2026-03-${day} 09:00:00`, accepted_at: `2026-03-${day} 09:30:00`, closed_at: `2026-03-${day} 12:00:00`, due_at: k < onTime ? `2026-03-${day} 18:00:00` : `2026-03-${day} 10:00:00`, status: 'closed' });
    }
  }
  return rows;
}

describe('significance in a briefing\'s ranking', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, UNITS);
    await createEventsTableBulk(db, events());
  });
  afterAll(async () => { await db.close(); });

  it('groups the departments whose intervals overlap under one rank range and says so, with the better direction', async () => {
    const briefing = await buildBriefing(db, { kind: 'monthly', date: '2026-03-15', unitCode: '331102' }, '2026-04-02 12:00:00');
    const table = briefingTables(briefing, 'en').find((t) => t.id === 'departments')!;
    expect(table.rows.map((row) => [row[0]!.text, row[1]!.text])).toEqual([['1–2', '甲局'], ['1–2', '乙局'], ['3', '丙局']]);
    expect(table.note).toContain('higher is better');
    expect(table.note).toContain('no significant difference among them (groups of 2)');
    const zh = briefingTables(briefing, 'zh').find((t) => t.id === 'departments')!;
    expect(zh.note).toContain('越高越好');
  });
});
