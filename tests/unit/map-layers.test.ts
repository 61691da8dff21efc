import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitLevel } from '../../src/domain/units';
import type { Database } from '../../src/engine/database';
import { createNodeDatabase } from '../../src/engine/node';
import { createBoundaryLayers, drillLayerChanges, type LayerChange } from '../../src/map/boundary-layers';
import { createEventLayers, pointColors, pointRadii, positionsInWindow, toEventPointColumns, type EventLayerOptions, type EventPointColumns } from '../../src/map/event-layers';
import { presetPeriod } from '../../src/sql/period';
import { eventPoints } from '../../src/sql/points';
import { createEventsTable, type EventFixture } from '../support/events-table';

const FILL = ['match', ['get', 'code'], '331102', '#111111', '#d0d0d0'];

function byId(changes: LayerChange[]): Map<string, LayerChange> {
  return new Map(changes.map((c) => [c.id, c]));
}
function visibleIds(changes: LayerChange[]): string[] {
  return changes.filter((c) => c.visible).map((c) => c.id).sort();
}

describe('drillLayerChanges', () => {
  it('changes exactly the layers createBoundaryLayers made, once each', () => {
    const layerIds = createBoundaryLayers().map((l) => l.id).sort();
    expect(layerIds).toHaveLength(12);
    for (const [unit, child] of [[{ code: '331100', level: 'city' }, 'county'], [{ code: '331102001001001', level: 'grid' }, null]] as const) {
      const ids = drillLayerChanges(unit, child, FILL, 0.7).map((c) => c.id).sort();
      expect(ids).toEqual(layerIds);
    }
  });

  // At each drill state: which layers are visible, and what the visible ones are filtered to.
  const cases: { name: string; unit: { code: string; level: UnitLevel }; child: UnitLevel | null; visible: string[]; filters: Record<string, unknown[]> }[] = [
    {
      name: 'at the city only the counties are the visible children',
      unit: { code: '331100', level: 'city' }, child: 'county',
      visible: ['drill-county-fill', 'drill-county-line'],
      filters: { 'drill-county-fill': ['==', ['get', 'level'], 'county'], 'drill-county-line': ['==', ['get', 'level'], 'county'] },
    },
    {
      name: "at a county its townships by parent_code, the county outlines for context and the county's own focus outline",
      unit: { code: '331102', level: 'county' }, child: 'township',
      visible: ['drill-county-focus', 'drill-county-line', 'drill-township-fill', 'drill-township-line'],
      filters: {
        'drill-township-fill': ['==', ['get', 'parent_code'], '331102'],
        'drill-township-line': ['==', ['get', 'parent_code'], '331102'],
        'drill-county-line': ['has', 'code'],
        'drill-county-focus': ['==', ['get', 'code'], '331102'],
      },
    },
    {
      name: 'at a township its communities and its own focus outline',
      unit: { code: '331102001', level: 'township' }, child: 'community',
      visible: ['drill-community-fill', 'drill-community-line', 'drill-county-line', 'drill-township-focus'],
      filters: {
        'drill-community-fill': ['==', ['get', 'parent_code'], '331102001'],
        'drill-community-line': ['==', ['get', 'parent_code'], '331102001'],
        'drill-township-focus': ['==', ['get', 'code'], '331102001'],
      },
    },
    {
      name: 'at a grid no children: only the county context and the grid outline',
      unit: { code: '331102001001001', level: 'grid' }, child: null,
      visible: ['drill-county-line', 'drill-grid-focus'],
      filters: { 'drill-grid-focus': ['==', ['get', 'code'], '331102001001001'], 'drill-county-line': ['has', 'code'] },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const changes = drillLayerChanges(c.unit, c.child, FILL, 0.7);
      expect(visibleIds(changes)).toEqual([...c.visible].sort());
      const map = byId(changes);
      for (const [id, filter] of Object.entries(c.filters)) expect(map.get(id)?.filter, id).toEqual(filter);
      // Only fills carry paint, and every fill carries the choropleth given.
      for (const change of changes) {
        if (change.id.endsWith('-fill')) expect(change.paint).toEqual({ 'fill-color': FILL, 'fill-opacity': 0.7 });
        else expect(change.paint).toBeUndefined();
      }
    });
  }
});

// Period: the last 7 days as of 2026-03-10 12:00:00 = [2026-03-04 00:00:00, 2026-03-10 12:00:01).
const AS_OF = '2026-03-10 12:00:00';
const PERIOD = presetPeriod('7d', AS_OF);

// Coordinates are exact in float32 so positions can be compared exactly. Indices by hand:
// categories noise 0, parking 1, manhole 6, safety 9, livelihood 11; statuses reported 0,
// closed 4, returned 5, escalated 6, invalid 7. rowid is the insertion order.
const ROWS: (EventFixture & { rid: number; inPeriod: boolean; cat: number; st: number; t: number })[] = [
  { rid: 0, inPeriod: true, cat: 0, st: 0, t: 0, category: 'noise', status: 'reported', severity: 1, lon: 119.875, lat: 28.5, reported_at: '2026-03-04 00:00:00' },
  { rid: 1, inPeriod: true, cat: 1, st: 4, t: 30.5, category: 'parking', status: 'closed', severity: 3, lon: 119.5, lat: 28.125, reported_at: '2026-03-05 06:30:00' },
  { rid: 2, inPeriod: true, cat: 11, st: 7, t: 156, category: 'livelihood', status: 'invalid', severity: 4, lon: 120.25, lat: 28.75, reported_at: '2026-03-10 12:00:00' },
  { rid: 3, inPeriod: false, cat: 0, st: 0, t: 0, category: 'noise', status: 'reported', severity: 1, lon: 119, lat: 28, reported_at: '2026-03-03 23:59:59' },
  { rid: 4, inPeriod: false, cat: 9, st: 6, t: 0, category: 'safety', status: 'escalated', severity: 2, lon: 119, lat: 28, reported_at: '2026-03-10 12:00:01' },
  { rid: 5, inPeriod: true, cat: 6, st: 5, t: 90.25, category: 'manhole', status: 'returned', severity: 2, lon: 119.75, lat: 28.25, reported_at: '2026-03-07 18:15:00' },
  { rid: 6, inPeriod: true, cat: -1, st: 6, t: 48, category: 'not_a_category', status: 'escalated', severity: 2, lon: 119.625, lat: 28.375, reported_at: '2026-03-06 00:00:00' },
];
const IN_PERIOD = ROWS.filter((r) => r.inPeriod);

// Palette colours as RGBA, converted from the hex codes in src/map/palette.ts by hand.
const CATEGORY_RGBA: Record<number, number[]> = {
  0: [0x4e, 0x79, 0xa7, 200], 1: [0xf2, 0x8e, 0x2b, 200], 6: [0xb0, 0x7a, 0xa1, 200], 11: [0x8c, 0xd1, 0x7d, 200], [-1]: [128, 128, 128, 160],
};
const STATUS_RGBA: Record<number, number[]> = {
  0: [214, 39, 40, 210], 4: [31, 119, 180, 210], 5: [148, 103, 189, 210], 6: [140, 0, 0, 210], 7: [158, 158, 158, 210],
};
const SEVERITY_RGBA: Record<number, number[]> = { 1: [254, 204, 92, 220], 2: [253, 141, 60, 220], 3: [227, 26, 28, 220], 4: [128, 0, 38, 220] };

describe('event point columns from DuckDB', () => {
  let db: Database;
  let columns: EventPointColumns;
  // Expected row (from ROWS) for each output index, matched by row id so the test does not assume an order.
  let expectedAt: (typeof ROWS)[number][];

  beforeAll(async () => {
    db = await createNodeDatabase();
    await createEventsTable(db, ROWS.map(({ rid: _r, inPeriod: _p, cat: _c, st: _s, t: _t, ...row }) => row));
    columns = toEventPointColumns(await db.query(eventPoints(PERIOD)));
    expectedAt = Array.from(columns.rowIds, (rid) => ROWS.find((r) => r.rid === rid)!);
  });
  afterAll(async () => { await db.close(); });

  it('has one entry per event in the period, with the row ids of those events', () => {
    expect(columns.length).toBe(5);
    expect([...columns.rowIds].sort((a, b) => a - b)).toEqual([0, 1, 2, 5, 6]);
    for (const array of [columns.categoryIndex, columns.statusIndex, columns.severity, columns.tHours, columns.rowIds]) expect(array.length).toBe(5);
    expect(columns.positions.length).toBe(10);
  });

  it('interleaves lon, lat per point', () => {
    expect(Array.from(columns.positions)).toEqual(expectedAt.flatMap((r) => [r.lon, r.lat]));
  });

  it('codes category and status as indices (−1 for an unknown category)', () => {
    expect(Array.from(columns.categoryIndex)).toEqual(expectedAt.map((r) => r.cat));
    expect(Array.from(columns.statusIndex)).toEqual(expectedAt.map((r) => r.st));
    expect(Array.from(columns.severity)).toEqual(expectedAt.map((r) => r.severity));
  });

  it('gives t_hours relative to the period start', () => {
    expect(PERIOD.start).toBe('2026-03-04 00:00:00');
    expect(Array.from(columns.tHours)).toEqual(expectedAt.map((r) => r.t));
  });

  it('applies the event filter', async () => {
    const filtered = toEventPointColumns(await db.query(eventPoints(PERIOD, { categories: ['parking', 'manhole'] })));
    expect([...filtered.rowIds].sort((a, b) => a - b)).toEqual([1, 5]);
  });

  it('of an empty result is empty', async () => {
    const empty = toEventPointColumns(await db.query(eventPoints(presetPeriod('custom', AS_OF, '2026-01-01', '2026-01-31'))));
    expect(empty.length).toBe(0);
    expect(empty.positions.length).toBe(0);
    expect(pointColors(empty, 'category').length).toBe(0);
  });

  for (const [colorBy, expectedOf] of [
    ['category', (r: (typeof ROWS)[number]) => CATEGORY_RGBA[r.cat]!],
    ['status', (r: (typeof ROWS)[number]) => STATUS_RGBA[r.st]!],
    ['severity', (r: (typeof ROWS)[number]) => SEVERITY_RGBA[r.severity as number]!],
  ] as const) {
    it(`pointColors by ${colorBy} gives the palette colours`, () => {
      expect(IN_PERIOD.length).toBe(columns.length);
      expect(Array.from(pointColors(columns, colorBy))).toEqual(expectedAt.flatMap(expectedOf));
    });
  }

  it('pointRadii grows with severity: 1, 1.8, 2.6, 3.4', () => {
    const radii = pointRadii(columns);
    const bySeverity = new Map<number, number>();
    expectedAt.forEach((r, i) => bySeverity.set(r.severity as number, radii[i]!));
    expect(bySeverity.get(1)).toBeCloseTo(1, 6);
    expect(bySeverity.get(2)).toBeCloseTo(1.8, 6);
    expect(bySeverity.get(3)).toBeCloseTo(2.6, 6);
    expect(bySeverity.get(4)).toBeCloseTo(3.4, 6);
  });
});

describe('createEventLayers', () => {
  // Three hand-made points, no database needed.
  const columns: EventPointColumns = {
    length: 3,
    positions: new Float32Array([119.5, 28.5, 119.75, 28.25, 120, 28]),
    categoryIndex: new Int8Array([0, 1, 2]),
    statusIndex: new Int8Array([0, 1, 2]),
    severity: new Int8Array([1, 2, 4]),
    tHours: new Float32Array([0, 5, 10]),
    rowIds: new Int32Array([0, 1, 2]),
  };
  const base: Omit<EventLayerOptions, 'kind' | 'timeWindow'> = { colors: pointColors(columns, 'category'), radii: pointRadii(columns), radiusScale: 3, hexagonRadiusMeters: 500 };
  const IDS = ['events-points', 'events-heatmap', 'events-hexagon'];

  const ALL = new Set(['points', 'heatmap', 'hexagon'] as const);
  for (const kind of ['points', 'heatmap', 'hexagon'] as const) {
    it(`${kind}: with every kind in use, three layers and only the ${kind} layer visible`, () => {
      const layers = createEventLayers(columns, { ...base, kind, timeWindow: [0, 10] }, ALL);
      expect(layers.map((l) => l.id)).toEqual(IDS);
      const visible = layers.filter((l) => l.props.visible).map((l) => l.id);
      expect(visible).toEqual([`events-${kind}`]);
    });

    it(`${kind}: kinds never shown are not created (their shaders cost seconds in software WebGL)`, () => {
      const layers = createEventLayers(columns, { ...base, kind, timeWindow: [0, 10] });
      expect(layers.map((l) => l.id)).toEqual([`events-${kind}`]);
      expect(layers[0]!.props.visible).toBe(true);
    });
  }

  // Regression: a new data object at every render made the heatmap recompile and re-aggregate
  // at each camera move (6.7 s frames at 1M events in software WebGL).
  it('gives every layer the same data object when rebuilt from the same arrays', () => {
    const first = createEventLayers(columns, { ...base, kind: 'points', timeWindow: [0, 10] }, ALL);
    const again = createEventLayers(columns, { ...base, kind: 'heatmap', timeWindow: [2, 4], radiusScale: 1 }, ALL);
    expect(again.map((l) => l.props.data)).toEqual(first.map((l) => l.props.data));
    again.forEach((layer, i) => expect(layer.props.data).toBe(first[i]!.props.data));
    const recoloured = createEventLayers(columns, { ...base, colors: pointColors(columns, 'severity'), kind: 'points', timeWindow: [0, 10] }, ALL);
    expect(recoloured[0]!.props.data).not.toBe(first[0]!.props.data);
  });

  it('keeps the layer ids and passes the time window through when it changes', () => {
    const windows: [number, number][] = [[0, 10], [2, 4], [9.5, 10]];
    for (const timeWindow of windows) {
      const layers = createEventLayers(columns, { ...base, kind: 'points', timeWindow }, ALL);
      expect(layers.map((l) => l.id)).toEqual(IDS);
      // The hexagons bin on the CPU, which ignores the GPU filter: they get the window's events instead (next test).
      for (const layer of layers.filter((l) => l.id !== 'events-hexagon')) expect((layer.props as unknown as { filterRange: [number, number] }).filterRange).toEqual(timeWindow);
    }
  });

  it('gives the hexagons only the events of the playback window, and the same array for the whole period', () => {
    expect(positionsInWindow(columns.positions, columns.tHours, [0, 10])).toBe(columns.positions);
    const window = positionsInWindow(columns.positions, columns.tHours, [4, 10]);
    expect(Array.from(window)).toEqual(Array.from(columns.positions.slice(2)));
    const [hexagon] = createEventLayers(columns, { ...base, kind: 'hexagon', timeWindow: [4, 10], hexagonPositions: window });
    expect((hexagon!.props.data as unknown as { length: number }).length).toBe(2);
  });

  it('hands the typed arrays to the GPU without copying', () => {
    const [points] = createEventLayers(columns, { ...base, kind: 'points', timeWindow: [0, 10] });
    const data = points!.props.data as unknown as { length: number; attributes: Record<string, { value: unknown; size: number }> };
    expect(data.length).toBe(3);
    expect(data.attributes.getPosition).toEqual({ value: columns.positions, size: 2 });
    expect(data.attributes.getPosition!.value).toBe(columns.positions);
    expect(data.attributes.getFillColor!.value).toBe(base.colors);
    expect(data.attributes.getRadius!.value).toBe(base.radii);
    expect(data.attributes.getFilterValue!.value).toBe(columns.tHours);
  });
});
