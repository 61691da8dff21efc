import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANOMALY_PROBABILITY, betaRegularized, isAnomalous, logGamma, lowerGammaRegularized, MIN_ANOMALY_COUNT, negativeBinomialUpperTail,
  poissonUpperTail, rowSurprise, scoreCounts, surprise, type CountRow,
} from '../../src/domain/anomaly';
import { rowsOf, type Scalar } from '../../src/engine/columns';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { anomalyCandidates } from '../../src/sql/anomalies';
import { emergingHotspots, persistentHotspots } from '../../src/sql/hotspots';
import { EARTH_RADIUS_M, repeatedComplaints } from '../../src/sql/repeats';
import { createEventsTableBulk } from '../support/bulk-events';
import type { EventFixture } from '../support/events-table';
import { requireTestData } from '../support/test-data';
import { createUnitsTable, type UnitFixture } from '../support/units-table';

const DAY_MS = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => dayText(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS);

describe('tail probabilities (src/domain/anomaly.ts)', () => {
  // Direct sums of the probability mass functions, for comparison.
  const poissonDirect = (k: number, lambda: number) => { let sum = 0, term = Math.exp(-lambda); for (let i = 0; i < k; i++) { sum += term; term *= lambda / (i + 1); } return 1 - sum; };
  const nbDirect = (k: number, mean: number, variance: number) => {
    const r = (mean * mean) / (variance - mean), p = r / (r + mean);
    let sum = 0;
    for (let x = 0; x < k; x++) sum += Math.exp(logGamma(x + r) - logGamma(r) - logGamma(x + 1) + r * Math.log(p) + x * Math.log(1 - p));
    return 1 - sum;
  };

  it('log-gamma and the incomplete gamma and beta functions', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lowerGammaRegularized(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12); // P(1, x) = 1 − e^−x
    expect(betaRegularized(0.3, 1, 1)).toBeCloseTo(0.3, 12); // uniform
    expect(betaRegularized(0.5, 2, 2)).toBeCloseTo(0.5, 12); // symmetric
  });

  it('Poisson upper tail: P(X ≥ 5 | λ = 1) = 0.0036598468, and agrees with direct sums', () => {
    expect(poissonUpperTail(5, 1)).toBeCloseTo(0.0036598468273437, 13);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(3, 0)).toBe(0);
    for (const [k, lambda] of [[1, 0.1], [8, 1], [12, 4], [30, 20], [3, 7.5]] as const) {
      expect(poissonUpperTail(k, lambda) / poissonDirect(k, lambda), `${k}, ${lambda}`).toBeCloseTo(1, 9);
    }
    // Far tails keep their relative precision (a direct 1 − Σ would round to 0).
    expect(poissonUpperTail(5, 0.5 / 28)).toBeCloseTo(1.4907927727e-11, 20);
    expect(poissonUpperTail(40, 1) > 0).toBe(true);
  });

  it('negative binomial upper tail agrees with direct sums and tends to Poisson', () => {
    for (const [k, mean, variance] of [[9, 2, 4.148148148148148], [3, 0.5, 2], [20, 10, 30]] as const) {
      expect(negativeBinomialUpperTail(k, mean, variance) / nbDirect(k, mean, variance), `${k}, ${mean}, ${variance}`).toBeCloseTo(1, 9);
    }
    expect(negativeBinomialUpperTail(9, 2, 2 + 1e-9)).toBeCloseTo(poissonUpperTail(9, 2), 6);
    expect(negativeBinomialUpperTail(9, 2, 1.5)).toBe(poissonUpperTail(9, 2)); // under-dispersed: Poisson
    // Sum 337 and sum of squares 4,381 over 28 days: the sample variance is the mean plus a
    // rounding error (1.8e-15), r ≈ 1e17; this once gave −5e57. It is Poisson.
    const rounding = surprise({ observed: 10, historySum: 337, historySumSq: 4381, historyDays: 28 });
    expect(rounding.probability).toBeCloseTo(poissonUpperTail(10, 337 / 28), 12);
    for (let sq = 4056; sq < 4700; sq++) {
      const p = surprise({ observed: 10, historySum: 337, historySumSq: sq, historyDays: 28 }).probability;
      expect(p >= 0 && p <= 1, String(sq)).toBe(true);
    }
  });

  it('surprise: trailing mean, empty-history correction, overdispersion, runs', () => {
    // 28 days of 1 a day (variance 0 ≤ mean: Poisson), 8 today: P(X ≥ 8 | 1) = 1.0249e-5 < 1e-4.
    const steady = surprise({ observed: 8, historySum: 28, historySumSq: 28, historyDays: 28 });
    expect(steady).toMatchObject({ expected: 1, model: 'poisson' });
    expect(steady.probability).toBeCloseTo(1.0249196675e-5, 14);
    // Nothing in 28 days: read as half an event, λ = 0.5/28; 5 today: 1.49e-11.
    expect(surprise({ observed: 5, historySum: 0, historySumSq: 0, historyDays: 28 }).probability).toBeCloseTo(1.4907927727e-11, 20);
    // 14 days of 4 and 14 of 0: mean 2, variance 112/27 = 4.148 > 2: negative binomial; 9 today is
    // 0.0119 (Poisson would say 2.4e-4): a bursty history makes a burst less surprising.
    const bursty = surprise({ observed: 9, historySum: 56, historySumSq: 224, historyDays: 28 });
    expect(bursty.model).toBe('negative_binomial');
    expect(bursty.variance).toBeCloseTo(112 / 27, 12);
    expect(bursty.probability).toBeCloseTo(0.0118814903, 9);
    // A 3-day run totalling 7 against 2 events in 28 days: expected 3 × 2/28 = 0.214, P = 3.41e-9.
    const run = rowSurprise({ observed: 7, history_sum: 2, history_sum_sq: 2, history_days: 28, observed_days: 3 });
    expect(run.expected).toBeCloseTo(3 / 14, 12);
    expect(run.probability).toBeCloseTo(3.41361286752e-9, 18);
    expect(() => surprise({ observed: 1, historySum: 0, historySumSq: 0, historyDays: 1 })).toThrow(/more than one day/);
  });

  it('flags only counts at or above the minimum with a probability below the threshold', () => {
    expect(MIN_ANOMALY_COUNT).toBe(5);
    expect(ANOMALY_PROBABILITY).toBe(1e-4);
    expect(isAnomalous(4, 1e-12)).toBe(false);
    expect(isAnomalous(5, 0.99e-4)).toBe(true);
    expect(isAnomalous(5, 1e-4)).toBe(false);
    expect(isAnomalous(3, 1e-3, { minCount: 3, probability: 0.01 })).toBe(true);
    const rows: CountRow[] = [
      { observed: 8, history_sum: 28, history_sum_sq: 28, history_days: 28 },
      { observed: 9, history_sum: 56, history_sum_sq: 224, history_days: 28 },
      { observed: 5, history_sum: 0, history_sum_sq: 0, history_days: 28 },
    ];
    expect(scoreCounts(rows).map((r) => r.observed)).toEqual([5, 8]); // most improbable first
  });
});

// ---------------------------------------------------------------------------------------
// Hand-made events. D = 2026-03-29; its 28-day history is 03-01 … 03-28.
// ---------------------------------------------------------------------------------------
const D = '2026-03-29';
const GA = '331102001001001', GB = '331102001001002', GC = '331102001002001', GD = '331121001001001';
const at = (date: string, k: number) => `${date} ${String(8 + (k % 12)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00`;
function many(grid: string, category: string, date: string, n: number, extra: EventFixture = {}): EventFixture[] {
  return Array.from({ length: n }, (_, k) => ({ grid_code: grid, category, reported_at: at(date, k), due_at: `${addDays(date, 2)} 00:00:00`, ...extra }));
}

function anomalyEvents(): EventFixture[] {
  const rows: EventFixture[] = [];
  for (let i = 0; i < 28; i++) {
    const date = addDays('2026-03-01', i);
    rows.push(...many(GA, 'noise', date, 1)); // GA: 1 noise a day
    rows.push(...many(GC, 'noise', date, i % 2 === 0 ? 4 : 0)); // GC: 4 every other day (bursty)
  }
  rows.push(...many(GA, 'noise', D, 8)); // GA: 8 on D → P = 1.02e-5: flagged
  rows.push(...many(GB, 'noise', D, 5)); // GB: 5 after nothing → P = 1.5e-11: flagged
  rows.push(...many(GB, 'parking', D, 4)); // GB parking: 4 < minimum count: never returned
  rows.push(...many(GC, 'noise', D, 9)); // GC: 9 against a bursty history → P = 0.0119: not flagged
  // GD (county 331121): emerging run 1, 2, 4 on 03-27 … 03-29 after 2 events in the 28 days before the run (03-01 … 03-26 window starts 02-27).
  rows.push(...many(GD, 'fumes', '2026-03-05', 1), ...many(GD, 'fumes', '2026-03-15', 1));
  rows.push(...many(GD, 'fumes', '2026-03-27', 1), ...many(GD, 'fumes', '2026-03-28', 2), ...many(GD, 'fumes', D, 4));
  // GD appearance: 3, 1, 4 is not a rising run.
  rows.push(...many(GD, 'appearance', '2026-03-27', 3), ...many(GD, 'appearance', '2026-03-28', 1), ...many(GD, 'appearance', D, 4));
  rows.push({ grid_code: GA, category: 'noise', reported_at: '2026-02-27 09:00:00' }); // the first event: 02-27, so D − 28 is covered
  return rows;
}

// One database for the hand-made tables below; each block creates its own tables.
let db: Database;
beforeAll(async () => { db = await createNodeDatabase(); });
afterAll(async () => { await db.close(); });

describe('anomalies and emerging hot spots on hand-made tables', () => {
  beforeAll(async () => { await createEventsTableBulk(db, anomalyEvents()); });
  const days = { start: `${D} 00:00:00`, end: `${addDays(D, 1)} 00:00:00` };
  const key = (r: Record<string, Scalar>) => `${String(r.level)} ${String(r.unit_code)} ${String(r.category)} ${String(r.day)}`;

  it('returns each unit × category × day with at least 5 events and its 28-day history', async () => {
    const rows = rowsOf(await db.query(anomalyCandidates({ days })));
    // Township 331102001 noise: GA + GB + GC = 8 + 5 + 9 = 22 on D; history 28 (GA) + 56 (GC) = 84,
    // squares: GA and GC share days, so even days hold 1 + 4 = 5 (14 × 25) and odd days 1 (14 × 1) = 364.
    expect(rows.map((r) => [key(r), r.observed, r.history_sum, r.history_sum_sq, r.history_days])).toEqual([
      [`county 331102 noise ${D}`, 22, 84, 364, 28],
      [`grid ${GA} noise ${D}`, 8, 28, 28, 28],
      [`grid ${GB} noise ${D}`, 5, 0, 0, 28],
      [`grid ${GC} noise ${D}`, 9, 56, 224, 28],
      [`township 331102001 noise ${D}`, 22, 84, 364, 28],
    ]);
    const flagged = scoreCounts(rows as unknown as (CountRow & Record<string, Scalar>)[]);
    // GB (1.5e-11), then the township and county (22 against a mean of 3), then GA (1.02e-5); GC is not.
    expect(flagged.map(key).sort()).toEqual([`county 331102 noise ${D}`, `grid ${GA} noise ${D}`, `grid ${GB} noise ${D}`, `township 331102001 noise ${D}`]);
  });

  it('a lower minimum count returns smaller counts; levels can be chosen', async () => {
    const rows = rowsOf(await db.query(anomalyCandidates({ days, minCount: 4, levels: ['grid'] })));
    expect(rows.map(key)).toEqual([`grid ${GA} noise ${D}`, `grid ${GB} noise ${D}`, `grid ${GB} parking ${D}`, `grid ${GC} noise ${D}`, `grid ${GD} appearance ${D}`, `grid ${GD} fumes ${D}`]);
  });

  it('does not test days whose history precedes the first event', async () => {
    const early = { start: '2026-03-20 00:00:00', end: '2026-03-21 00:00:00' };
    expect(rowsOf(await db.query(anomalyCandidates({ days: early, minCount: 1 })))).toEqual([]);
  });

  it('emerging hot spots: a rising run above its baseline', async () => {
    const rows = rowsOf(await db.query(emergingHotspots({ days })));
    // Only GD fumes 1, 2, 4 (total 7, baseline 2 in the 28 days 02-27 … 03-26); appearance 3, 1, 4 does not
    // rise, nor does GA noise 1, 1, 8 (flat, then a spike: the spike detector's matter).
    expect(rows.map((r) => [r.unit_code, r.category, r.day, r.run_counts, r.observed, r.observed_days, r.history_sum, r.history_days])).toEqual([
      [GD, 'fumes', D, '1,2,4', 7, 3, 2, 28],
    ]);
    const [scored] = scoreCounts(rows as unknown as (CountRow & Record<string, Scalar>)[], { minCount: 6 });
    expect(scored!.probability).toBeCloseTo(3.41361286752e-9, 18);
    // A run of 2 days at township level: 331121001 appearance 1, 4 (baseline 3 from 03-27) and fumes 2, 4
    // (baseline 3); 331102001 noise 1, 22 is left out: its first day (1) is below its baseline (83/28).
    const township = rowsOf(await db.query(emergingHotspots({ days, runDays: 2, level: 'township' })));
    expect(township.map((r) => [r.unit_code, r.category, r.run_counts])).toEqual([['331121001', 'appearance', '1,4'], ['331121001', 'fumes', '2,4']]);
  });
});

describe('persistent hot spots on a hand-made city', () => {
  // Eleven grids of a community: G00 … G09 with 1,000 residents, G10 with none (an industrial park).
  const grids = Array.from({ length: 11 }, (_, i) => `3311020010010${String(i).padStart(2, '0')}`);
  beforeAll(async () => {
    const units: UnitFixture[] = grids.map((code, i) => ({ code, level: 'grid', population: i === 10 ? 0 : 1000 }));
    await createUnitsTable(db, units);
    const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'];
    const rows: EventFixture[] = [];
    weeks.forEach((monday, w) => {
      rows.push(...many(grids[0]!, 'noise', monday, 6)); // G00: 6 a week (60 per 10k): top every week
      rows.push(...many(grids[1]!, 'noise', monday, w === 1 ? 1 : 7)); // G01: top in two weeks of three
      rows.push(...many(grids[10]!, 'noise', monday, 50)); // G10: many events, no residents: never ranked
      for (let g = 2; g < 10; g++) rows.push(...many(grids[g]!, 'noise', addDays(monday, 1), 1));
    });
    await createEventsTableBulk(db, rows);
  });

  it('only a unit in the top decile of intake per 10,000 residents three weeks running', async () => {
    const rows = rowsOf(await db.query(persistentHotspots({ granularity: 'week', date: '2026-03-18', asOf: '2026-03-22 23:59:59' })));
    // Ten ranked grids (G10 has no residents), so the top decile is the single highest per 10k:
    // G01 (70) in weeks 1 and 3, G00 (60) in week 2. Nobody is on top three weeks running.
    expect(rows.map((r) => r.code)).toEqual([]);
    const lenient = rowsOf(await db.query(persistentHotspots({ granularity: 'week', date: '2026-03-18', asOf: '2026-03-22 23:59:59', topShare: 0.2 })));
    // The top 20 %: G01 and G00 in weeks 1 and 3; in week 2 G00, then eight grids tied at 10 (out:
    // a tie across the boundary). G00 is in all three; G10 never, though it has the most events.
    expect(lenient.map((r) => [r.code, r.period_0, r.intake_0, r.per_10k_0, r.intake_1, r.intake_2, r.period_2])).toEqual([[grids[0], '2026-03-16', 6, 60, 6, 6, '2026-03-02']]);
    const strict = rowsOf(await db.query(persistentHotspots({ granularity: 'week', date: '2026-03-18', asOf: '2026-03-22 23:59:59', topShare: 0.2, minIntake: 7 })));
    expect(strict).toEqual([]); // G00 has 6 a week, below a minimum of 7
    const townships = rowsOf(await db.query(persistentHotspots({ granularity: 'month', date: '2026-03-18', asOf: '2026-03-22 23:59:59', level: 'township', periods: 1 })));
    expect(townships).toEqual([]); // no township in the units table
  });
});

// ---------------------------------------------------------------------------------------
// Repeated complaints: metres to degrees at latitude 28.5.
// ---------------------------------------------------------------------------------------
const M_LAT = 180 / (Math.PI * EARTH_RADIUS_M);
const M_LON = M_LAT / Math.cos((28.5 * Math.PI) / 180);

describe('repeated complaints on hand-made points', () => {
  // A cell border of the 100 m grid (latitude steps of 100 m), for a cluster straddling it.
  const latStep = 100 * M_LAT;
  const border = Math.ceil(28.6 / latStep) * latStep;
  beforeAll(async () => {
    const point = (id: string, category: string, time: string, east: number, north: number, lat0 = 28.5): EventFixture =>
      ({ event_id: id, category, reported_at: time, lon: 120 + east * M_LON, lat: lat0 + north * M_LAT, address: `${id} 路1号` });
    await createEventsTableBulk(db, [
      point('p1', 'noise', '2026-03-10 09:00:00', 0, 0),
      point('p2', 'noise', '2026-03-11 09:00:00', 50, 0), // 50 m east
      point('p3', 'noise', '2026-03-12 09:00:00', 0, 60), // 60 m north (78 m from p2)
      point('p4', 'noise', '2026-03-12 10:00:00', 170, 0), // 170 m from p1, 120 m from p2, 180 m from p3: too far
      point('p5', 'parking', '2026-03-12 11:00:00', 0, 0), // same spot, another category
      point('p6', 'noise', '2026-03-02 09:00:00', 0, 0), // same spot, 8 days before p1: outside the 7 days of every anchor
      // Straddling a border of the 100 m cells near latitude 28.6: 5 m either side, three days.
      point('q1', 'appearance', '2026-03-10 09:00:00', 0, -5, border),
      point('q2', 'appearance', '2026-03-11 09:00:00', 0, 5, border),
      point('q3', 'appearance', '2026-03-12 09:00:00', 10, 3, border),
      // Two events only: not a repeat.
      point('r1', 'dispute', '2026-03-10 09:00:00', 500, 500), point('r2', 'dispute', '2026-03-11 09:00:00', 500, 510),
    ]);
  });

  it('finds places with at least 3 same-category events within 100 m and 7 days, once each', async () => {
    const rows = rowsOf(await db.query(repeatedComplaints({ period: { start: '2026-03-01 00:00:00', end: '2026-03-20 00:00:00' } })));
    // Ordered by size, then latest event, then category.
    expect(rows.map((r) => [r.category, r.event_count, r.event_ids, r.first_reported, r.last_reported])).toEqual([
      ['appearance', 3, 'q1,q2,q3', '2026-03-10 09:00:00', '2026-03-12 09:00:00'],
      ['noise', 3, 'p1,p2,p3', '2026-03-10 09:00:00', '2026-03-12 09:00:00'],
    ]);
    const noise = rows.find((r) => r.category === 'noise')!;
    expect(Number(noise.lon)).toBeCloseTo(120 + (50 / 3) * M_LON, 9);
    expect(noise.address).toMatch(/^p[123] 路1号$/);
  });

  it('follows the radius, count and window parameters and the period', async () => {
    const period = { start: '2026-03-01 00:00:00', end: '2026-03-20 00:00:00' };
    // 200 m: p4 joins the noise place (within 200 m of p1, p2 and p3).
    const wide = rowsOf(await db.query(repeatedComplaints({ period, radiusM: 200 })));
    expect(wide.find((r) => r.category === 'noise')!.event_ids).toBe('p1,p2,p3,p4');
    // Two events suffice: the disputes (10 m apart) appear too.
    expect(rowsOf(await db.query(repeatedComplaints({ period, minCount: 2 }))).map((r) => r.category)).toContain('dispute');
    // 10 days: p6 (8 days before p1, 9 before p2) joins.
    expect(rowsOf(await db.query(repeatedComplaints({ period, windowDays: 10 }))).find((r) => r.category === 'noise')!.event_ids).toBe('p6,p1,p2,p3');
    // Nothing reported in the period: no place, even though the events before it form one.
    expect(rowsOf(await db.query(repeatedComplaints({ period: { start: '2026-03-13 00:00:00', end: '2026-03-20 00:00:00' } })))).toEqual([]);
    expect(() => repeatedComplaints({ period, radiusM: 0 })).toThrow(/Invalid radius/);
  });
});

// ---------------------------------------------------------------------------------------
// The generated test dataset: the planted anomalies of its manifest.
// ---------------------------------------------------------------------------------------
interface Planted { id: string; kind: 'spike' | 'surge' | 'repeat'; grid_code: string; category: string; days: { date: string; extra: number }[]; lon?: number; lat?: number }

describe('detectors on the generated test dataset', () => {
  const data = requireTestData();
  const manifest = JSON.parse(readFileSync(join(data.dir, 'manifest.json'), 'utf8')) as { first_day: string; days: number; as_of: string; anomalies: Planted[]; units: Record<string, number> };
  const all = { start: `${manifest.first_day} 00:00:00`, end: `${addDays(manifest.as_of.slice(0, 10), 1)} 00:00:00` };
  beforeAll(async () => { await loadDataset(db, data.source, 'arrow'); });
  const planted = (kind: Planted['kind']) => manifest.anomalies.filter((a) => a.kind === kind);
  /** Whether a flagged unit × category × day is explained by a planted anomaly (its grid or an ancestor, a planted day). */
  const explained = (r: Record<string, Scalar>) => manifest.anomalies.some((a) => a.category === r.category && a.grid_code.startsWith(String(r.unit_code)) && a.days.some((d) => d.date === r.day));

  it('finds every planted spike; reports recall and false alarms per 1,000 unit-days', async () => {
    const flagged = scoreCounts(rowsOf(await db.query(anomalyCandidates({ days: all }))) as unknown as (CountRow & Record<string, Scalar>)[]);
    for (const spike of planted('spike')) {
      expect(flagged.some((r) => r.level === 'grid' && r.unit_code === spike.grid_code && r.category === spike.category && r.day === spike.days[0]!.date), spike.id).toBe(true);
    }
    const surgeDays = planted('surge').flatMap((a) => a.days.map((d) => ({ ...a, date: d.date })));
    const surgeFound = surgeDays.filter((s) => flagged.some((r) => r.level === 'grid' && r.unit_code === s.grid_code && r.category === s.category && r.day === s.date));
    const falseAlarms = flagged.filter((r) => !explained(r));
    // Days tested: those with 28 days of data before them.
    const testedDays = manifest.days - 28;
    const unitDays = (manifest.units.county! + manifest.units.township! + manifest.units.grid!) * testedDays;
    console.log(`[anomalies] spikes found ${planted('spike').length}/${planted('spike').length} (grid level); surge days flagged as single-day anomalies ${surgeFound.length}/${surgeDays.length}; `
      + `false alarms ${falseAlarms.length} over ${unitDays} unit-days = ${(falseAlarms.length * 1000 / unitDays).toFixed(4)} per 1,000 unit-days `
      + `(${(falseAlarms.length * 1000 / (unitDays * 12)).toFixed(5)} per 1,000 unit-category-days): ${falseAlarms.map((r) => `${String(r.level)} ${String(r.unit_code)} ${String(r.category)} ${String(r.day)} p=${r.probability.toExponential(1)}`).join('; ')}`);
    expect(falseAlarms.length * 1000 / unitDays).toBeLessThan(1); // loose: well under one per 1,000 unit-days
  });

  it('finds the planted surges as emerging hot spots', async () => {
    const runs = scoreCounts(rowsOf(await db.query(emergingHotspots({ days: all }))) as unknown as (CountRow & Record<string, Scalar>)[], { minCount: 6 });
    const found = planted('surge').filter((s) => runs.some((r) => r.unit_code === s.grid_code && r.category === s.category && s.days.some((d) => d.date === r.day)));
    const unexplained = runs.filter((r) => !explained(r));
    console.log(`[emerging] surges found ${found.length}/${planted('surge').length}; other emerging runs ${unexplained.length}: ${unexplained.map((r) => `${String(r.unit_code)} ${String(r.category)} ${String(r.day)} ${String(r.run_counts)}`).join('; ')}`);
    expect(found.length).toBe(planted('surge').length);
  });

  it('finds the planted repeated complaints at their place', async () => {
    const places = rowsOf(await db.query(repeatedComplaints({ period: all })));
    for (const repeat of planted('repeat')) {
      const match = places.find((p) => p.category === repeat.category && Math.abs(Number(p.lat) - repeat.lat!) / M_LAT < 100 && Math.abs(Number(p.lon) - repeat.lon!) / M_LON < 100);
      expect(match, repeat.id).toBeDefined();
      expect(Number(match!.event_count), repeat.id).toBeGreaterThanOrEqual(repeat.days.reduce((n, d) => n + d.extra, 0) - 1);
    }
    const others = places.filter((p) => !planted('repeat').some((r) => r.category === p.category && Math.abs(Number(p.lat) - r.lat!) / M_LAT < 100));
    console.log(`[repeats] planted found ${planted('repeat').length}/${planted('repeat').length}; ${others.length} other places with ≥ 3 same-category events within 100 m and 7 days`);
  });
});
