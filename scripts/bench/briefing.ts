import type { Page } from 'playwright-core';
import { DEMO_CITY_CODE } from '../../src/domain/demo-city';
import { briefingPlan } from '../../src/briefing/plan';
import { briefingPeriods } from '../../src/briefing/request';
import { BRIEFING_KINDS, type BriefingKind } from '../../src/briefing/kinds';
import type { BenchHook } from '../../src/ui/bench-hook';
import { defaultBriefingDate } from '../../src/ui/briefing/briefing-url';
import type { NativeDuckDB } from './native';
import { summarize, type Timing } from './stats';

export interface BriefingBench {
  kind: BriefingKind;
  date: string;
  /** The whole briefing in the page (every query in turn plus putting it together). */
  browser: Timing;
  /** The same SQL, one query after another, on native DuckDB. */
  native: Timing;
  /** Median of each query in the page and natively. */
  queries: { id: string; browser: number; native: number }[];
}

const CITY = DEMO_CITY_CODE;


function median(values: number[]): number {
  return summarize(values).median;
}

/**
 * A full daily, weekly and monthly briefing of the city in the page (the real builder, run
 * through the ?bench hook) and the same SQL on native DuckDB. Before any time counts, the
 * headline numbers of the page must equal those of native DuckDB on the same SQL.
 */
export async function benchBriefings(page: Page, native: NativeDuckDB, asOf: string, runs: number): Promise<BriefingBench[]> {
  // The page's default for a daily briefing (the last finished day); the week and month around it.
  const date = defaultBriefingDate('daily', asOf);
  const results: BriefingBench[] = [];
  for (const kind of BRIEFING_KINDS) {
    const plan = briefingPlan({ kind, date, unitCode: CITY }, briefingPeriods(kind, date, asOf), asOf, 'city');
    const samples = await page.evaluate(async ({ kind, date, city, runs }) => {
      const hook = window.__ONEMAP_BENCH__ as BenchHook;
      const out = [];
      for (let i = 0; i < runs + 1; i++) out.push(await hook.briefing(kind, date, city));
      return out.slice(1);
    }, { kind, date, city: CITY, runs });
    const headline = await native.rows(plan.find((q) => q.id === 'headline')!.sql);
    for (const [measure, value] of Object.entries(samples[0]!.headline)) {
      const nativeValue = headline.find((r) => r.measure === measure)?.value;
      const expected = nativeValue === null || nativeValue === undefined ? null : Number(nativeValue);
      if ((value === null) !== (expected === null) || (value !== null && expected !== null && Math.abs(value - expected) > 1e-9 * Math.max(1, Math.abs(expected)))) {
        throw new Error(`Briefing ${kind}: headline ${measure} is ${value} in the page but ${expected} on native DuckDB, so no times are reported`);
      }
    }
    const nativeTotals: number[] = [];
    const nativeByQuery = new Map<string, number[]>();
    for (let i = 0; i < runs + 1; i++) {
      let total = 0;
      for (const q of plan) {
        const start = performance.now();
        await native.rows(q.sql);
        const ms = performance.now() - start;
        total += ms;
        if (i > 0) nativeByQuery.set(q.id, [...(nativeByQuery.get(q.id) ?? []), ms]);
      }
      if (i > 0) nativeTotals.push(total);
    }
    results.push({
      kind, date,
      browser: summarize(samples.map((s) => s.ms)),
      native: summarize(nativeTotals),
      queries: plan.map((q) => ({ id: q.id, browser: median(samples.map((s) => s.queries.find((x) => x.id === q.id)?.ms ?? Number.NaN)), native: median(nativeByQuery.get(q.id) ?? [Number.NaN]) })),
    });
  }
  return results;
}
