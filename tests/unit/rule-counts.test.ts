import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/ingest/csv';
import { RULES, type RuleId } from '../../src/ingest/rules';
import { validateEvents } from '../../src/ingest/validate';
import type { EventMapping } from '../../src/ingest/mapping';

/**
 * The review step's counts agree with each other (issue #14 point 9): a file-level problem is
 * one finding, not one per row; a doubtful rule counts loaded rows, once per row, so that no
 * doubtful rule exceeds the doubtful tile.
 */
const mapping: EventMapping = { version: 1, crs: 'wgs84', columns: { event_id: 'id', reported_at: 'reported', category: 'kind', lon: 'lon', lat: 'lat', description: 'text', address: 'where' } };

describe('rule counts on the review step', () => {
  it('counts a required column that is not mapped once, while every row is rejected', () => {
    const table = parseCsv('id,reported,lon,lat\n1,2024-03-01 09:00,119.9,28.4\n2,2024-03-01 10:00,119.9,28.4\n3,2024-03-01 11:00,119.9,28.4\n', 'no-category.csv');
    const result = validateEvents(table, { version: 1, crs: 'wgs84', columns: { event_id: 'id', reported_at: 'reported', lon: 'lon', lat: 'lat' } });
    expect(result.counts).toMatchObject({ input: 3, rejected: 3 });
    expect(result.byRule.missing_required_column).toBe(1);
  });

  it('counts doubtful rules on loaded rows only, and a row once per rule', () => {
    const bel = '\u0007';
    const table = parseCsv([
      'id,reported,kind,lon,lat,text,where',
      // Control characters in two columns of one loaded row: one row for the rule.
      `1,2024-03-01 09:00,noise,119.9,28.4,a${bel}b,c${bel}d`,
      // Control characters on a row rejected for its time: not a doubtful row.
      `2,not a time,noise,119.9,28.4,e${bel}f,`,
      '3,2024-03-01 11:00,noise,119.9,28.4,plain,',
    ].join('\n'), 'mixed.csv');
    const result = validateEvents(table, mapping);
    expect(result.counts).toMatchObject({ input: 3, accepted: 2, rejected: 1, doubtful: 1 });
    expect(result.byRule.control_characters).toBe(1);
    const doubtfulRules = (Object.entries(result.byRule) as [RuleId, number][]).filter(([rule]) => RULES[rule].outcome === 'doubtful');
    for (const [rule, n] of doubtfulRules) expect(n, rule).toBeLessThanOrEqual(result.counts.doubtful);
    // Every issue is still listed, for the rejected-rows file and the examples.
    expect(result.issues.filter((issue) => issue.rule === 'control_characters')).toHaveLength(3);
  });
});
