import type { Granularity } from '../sql/trend-measures';

/** The three meetings of the consultation cycle (docs/domain.md §4), 每日处置、每周分析、每月研判 (their names: src/i18n, `briefing.kindNames`). */
export const BRIEFING_KINDS = ['daily', 'weekly', 'monthly'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

export const KIND_GRANULARITY: Record<BriefingKind, Granularity> = { daily: 'day', weekly: 'week', monthly: 'month' };

/** How many periods the trend charts show, ending with the briefing's own. */
export const SERIES_PERIODS: Record<BriefingKind, number> = { daily: 28, weekly: 12, monthly: 13 };

export function isBriefingKind(value: string): value is BriefingKind {
  return (BRIEFING_KINDS as readonly string[]).includes(value);
}
