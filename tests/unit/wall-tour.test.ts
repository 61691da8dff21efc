import { describe, expect, it } from 'vitest';
import type { UnitEntry } from '../../src/ui/units-directory';
import { rankingScope, tourStep, tourStops, type TourUnits } from '../../src/ui/wall/tour';
import { kpiChange } from '../../src/domain/change';
import { visibleRanking } from '../../src/ui/wall/WallRanking';

function unit(code: string, parent: string | null, level: UnitEntry['level']): UnitEntry {
  return { code, name: `u${code}`, level, parent_code: parent, population: 1, label_lon: 0, label_lat: 0 };
}
const ENTRIES = [unit('331100', null, 'city'), unit('331121', '331100', 'county'), unit('331102', '331100', 'county'), unit('331102001', '331102', 'township')];
const UNITS: TourUnits = {
  root: ENTRIES[0]!,
  get: (code) => ENTRIES.find((u) => u.code === code),
  childrenOf: (code) => ENTRIES.filter((u) => u.parent_code === code),
};

describe('the wall tour', () => {
  it('visits the city, then its districts in code order, by default', () => {
    expect(tourStops(UNITS, []).map((u) => u.code)).toEqual(['331100', '331102', '331121']);
  });
  it('visits the units of the URL in their order, dropping unknown codes', () => {
    expect(tourStops(UNITS, ['331121', '999999', '331102001']).map((u) => u.code)).toEqual(['331121', '331102001']);
    expect(tourStops(UNITS, ['999999']).map((u) => u.code)).toEqual(['331100', '331102', '331121']);
  });
  it('cycles stops and layers each in turn', () => {
    const stops = tourStops(UNITS, []);
    const steps = [0, 1, 2, 3, 4, 5].map((i) => tourStep(stops, ['points', 'heatmap'], i)).map((s) => `${s.unit.code}:${s.layer}`);
    expect(steps).toEqual(['331100:points', '331102:heatmap', '331121:points', '331100:heatmap', '331102:points', '331121:heatmap']);
  });
  it('refuses an empty tour or a bad index', () => {
    expect(() => tourStep([], ['points'], 0)).toThrow(/at least one unit/);
    expect(() => tourStep(tourStops(UNITS, []), [], 0)).toThrow(/at least one layer/);
    expect(() => tourStep(tourStops(UNITS, []), ['points'], -1)).toThrow(/Invalid tour index/);
  });
  it('ranks the districts with the one in view highlighted', () => {
    expect(rankingScope(UNITS, ENTRIES[0]!)).toEqual({ parentCode: '331100', highlight: null });
    expect(rankingScope(UNITS, ENTRIES[2]!)).toEqual({ parentCode: '331100', highlight: '331102' });
    expect(rankingScope(UNITS, ENTRIES[3]!)).toEqual({ parentCode: '331102', highlight: '331102001' });
  });
  it('keeps the highlighted unit on screen when it ranks below the visible rows', () => {
    const list = ['a', 'b', 'c', 'd', 'e'];
    expect(visibleRanking(list, (x) => x === 'b', 3)).toEqual(['a', 'b', 'c']);
    expect(visibleRanking(list, (x) => x === 'e', 3)).toEqual(['a', 'b', 'e']);
    expect(visibleRanking(list, () => false, 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('day-over-day change on a KPI tile', () => {
  it.each([
    [10, 8, 'lower', { direction: 'up', magnitude: 2, good: false }],
    [0.9, 0.95, 'higher', { direction: 'down', good: false }],
    [5, 5, 'lower', { direction: 'flat', magnitude: 0, good: null }],
    [5, null, 'lower', { direction: null, magnitude: null, good: null }],
  ] as const)('%s against %s (better %s)', (value, previous, better, expected) => {
    expect(kpiChange(value, previous, better)).toMatchObject(expected);
  });
});
