import { describe, expect, it } from 'vitest';
import { densestSquareKilometre } from '../../src/map/heat-density';

const ALL: [number, number] = [-1, 1e9];

function columns(points: [number, number, number][]): { positions: Float32Array; tHours: Float32Array } {
  return { positions: Float32Array.from(points.flatMap(([lon, lat]) => [lon, lat])), tHours: Float32Array.from(points.map(([, , t]) => t)) };
}

describe('densestSquareKilometre', () => {
  it('counts the most events in one 1 km cell', () => {
    // Three events within 100 m of each other, one 5 km away.
    const { positions, tHours } = columns([[119.9, 28.45, 0], [119.9005, 28.4505, 1], [119.9003, 28.4502, 2], [119.95, 28.45, 3]]);
    expect(densestSquareKilometre(positions, tHours, ALL)).toBe(3);
  });
  it('counts only the events in the playback window', () => {
    const { positions, tHours } = columns([[119.9, 28.45, 0], [119.9005, 28.4505, 30], [119.9003, 28.4502, 31]]);
    expect(densestSquareKilometre(positions, tHours, [0, 23.999])).toBe(1);
    expect(densestSquareKilometre(positions, tHours, [24, 47.999])).toBe(2);
    expect(densestSquareKilometre(positions, tHours, [100, 123.999])).toBe(0);
  });
  it('is 0 without events', () => {
    expect(densestSquareKilometre(new Float32Array(0), new Float32Array(0), ALL)).toBe(0);
  });
});
