import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEADLINE_MEASURE_IDS, KPI_TILES, MEASURE_IDS, MEASURES, UNIT_MEASURE_GROUPS, UNIT_MEASURES, WALL_TILE_IDS, measure,
} from '../../src/domain/measures';
import { EVENT_COLUMNS } from '../../src/domain/events';
import { kpiTileWords, measureWords } from '../../src/i18n';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { departmentMeasures } from '../../src/sql/department-measures';
import { kpiCoverageColumns, kpiStrip } from '../../src/sql/kpis';
import { MEASURE_SQL } from '../../src/sql/measure-sql';
import { lastDays } from '../../src/sql/period';
import { periodComparison } from '../../src/sql/period-compare';
import { trendSeries } from '../../src/sql/series';
import { unitMeasures } from '../../src/sql/unit-measures';
import { createEventsTable } from '../support/events-table';
import { createUnitsTable } from '../support/units-table';

const AS_OF = '2026-03-10 23:59:59';

describe('the measure registry is complete', () => {
  it('has each id once, in the order of MEASURE_IDS', () => {
    expect(MEASURES.map((m) => m.id)).toEqual([...MEASURE_IDS]);
  });

  it.each(MEASURES.map((m) => [m.id, m] as const))('%s: words in both languages, needs, SQL of its kind', (_id, m) => {
    for (const language of ['zh', 'en'] as const) {
      expect(measureWords(language, m.id).label.trim(), `${m.id} ${language} label`).not.toBe('');
      expect(measureWords(language, m.id).definition.trim().length, `${m.id} ${language} definition`).toBeGreaterThan(10);
    }
    // A measure reads something: event columns, or unit fields for the staffing measures.
    expect(m.needs.events.length + (m.needs.units?.length ?? 0), `${m.id} needs`).toBeGreaterThan(0);
    for (const column of m.needs.events) expect(EVENT_COLUMNS, `${m.id} needs ${column}`).toContain(column);
    const sql = MEASURE_SQL[m.id];
    expect(sql, `${m.id} SQL`).toBeDefined();
    if (m.kind === 'average') expect(sql.form).toBe('duration');
    if (m.kind === 'rate') expect(['rate', 'unit']).toContain(sql.form);
    if (m.kind === 'flow' || m.kind === 'stock') expect(['count', 'unit']).toContain(sql.form);
    if (m.coverage) expect(m.needs.events, `${m.id} coverage input is a need`).toContain(m.coverage.input);
  });

  it('every use names a registry measure', () => {
    const ids: readonly string[] = MEASURE_IDS;
    for (const id of [...HEADLINE_MEASURE_IDS, ...WALL_TILE_IDS, ...KPI_TILES.map((t) => t.measure), ...UNIT_MEASURE_GROUPS.coverage, ...UNIT_MEASURE_GROUPS.response]) expect(ids).toContain(id);
    for (const m of UNIT_MEASURES) if (m.rankBy) expect(measure(m.rankBy).unitUse?.sizeDependent, `${m.id} is ranked by a fair form`).toBe(false);
  });

  it('a KPI tile says its window in its label and definition', () => {
    for (const tile of KPI_TILES) {
      for (const language of ['zh', 'en'] as const) {
        const words = kpiTileWords(language, tile.measure, tile.window);
        expect(words.label.startsWith(measureWords(language, tile.measure).label)).toBe(true);
        expect(words.definition.length).toBeGreaterThan(measureWords(language, tile.measure).definition.length);
      }
    }
  });
});

describe('every builder returns the columns the registry names', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNodeDatabase();
    await createUnitsTable(db, [{ code: '331100', level: 'city' }, { code: '331102', level: 'county', parent_code: '331100' }]);
    await createEventsTable(db, []);
  });
  afterAll(async () => { await db.close(); });
  const columnsOf = async (sql: string) => (await db.query(sql)).schema.fields.map((f) => f.name);

  it('the KPI strip: one column per tile, and the coverage of measures that have one', async () => {
    const columns = await columnsOf(kpiStrip(AS_OF));
    for (const tile of KPI_TILES) {
      expect(columns).toContain(tile.id);
      if (measure(tile.measure).coverage) expect(columns).toEqual(expect.arrayContaining(Object.values(kpiCoverageColumns(tile.id))));
    }
  });

  it('unit measures: value, numerator, denominator, volume and coverage of every unit measure', async () => {
    const columns = await columnsOf(unitMeasures({ level: 'county', parentCode: '331100', period: lastDays(AS_OF, 30), asOf: AS_OF }));
    for (const m of UNIT_MEASURES) {
      for (const column of [m.columns.value, m.columns.numerator, m.columns.denominator, m.columns.volume, m.coverage?.n, m.coverage?.base]) {
        if (column) expect(columns, `${m.id}: ${column}`).toContain(column);
      }
    }
  });

  it('trend series and period comparison: every headline measure, with the coverage of rates', async () => {
    const series = await columnsOf(trendSeries({ granularity: 'day', period: lastDays(AS_OF, 7), asOf: AS_OF }));
    const compared = (await db.query(periodComparison({ granularity: 'day', date: '2026-03-10', asOf: AS_OF }))).toArray().map((r) => String(r.measure));
    for (const id of HEADLINE_MEASURE_IDS) {
      expect(series).toContain(id);
      expect(compared).toContain(id);
      // Rates carry their trials beside them; the trend of a stock (overdue) does not carry its coverage (the KPI strip and unit measures do).
      const coverage = measure(id).coverage;
      if (coverage && measure(id).kind === 'rate') expect(series).toEqual(expect.arrayContaining([coverage.n, coverage.base]));
    }
  });

  it('department measures: the on-time and satisfaction trials the ranking reads', async () => {
    const columns = await columnsOf(departmentMeasures({ period: lastDays(AS_OF, 30), asOf: AS_OF }));
    expect(columns).toEqual(expect.arrayContaining(['on_time_rate', 'on_time_n', 'on_time_hits', 'satisfaction_rate', 'satisfaction_n', 'overdue', 'backlog']));
  });
});
