import { describe, expect, it } from 'vitest';
import { overlapGroups, wilsonInterval } from '../../src/domain/ranking';

describe('overlapGroups', () => {
  it('groups consecutive rows whose intervals overlap the first of their group', () => {
    expect(overlapGroups([[0.9, 0.95], [0.88, 0.93], [0.86, 0.91], [0.7, 0.8], [0.72, 0.79], null, [0.5, 0.6]])).toEqual([0, 0, 0, 1, 1, 2, 3]);
  });

  it('does not chain: a row overlapping only its neighbour starts a new group', () => {
    // [0.80,0.90] overlaps [0.85,0.95] but not the head [0.91,0.99].
    expect(overlapGroups([[0.91, 0.99], [0.85, 0.95], [0.8, 0.9]])).toEqual([0, 0, 1]);
  });

  it('on-time rates of nine districts with a few hundred closures each are one group, as the demo city shows', () => {
    const rates = [[463, 500], [459, 500], [456, 500], [455, 500], [454, 500], [454, 500], [452, 500], [452, 500], [451, 500]] as const;
    expect(new Set(overlapGroups(rates.map(([h, n]) => wilsonInterval(h, n))))).toEqual(new Set([0]));
  });
});
