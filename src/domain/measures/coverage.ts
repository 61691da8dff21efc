import type { Coverage } from './types';

/**
 * "12 of 43 have a deadline" / "43 件中 12 件有办结时限": said beside a number computed from
 * only part of its rows, and null when every row carries the input (nothing to say) or
 * there are no rows. `count` formats a count in the caller's style.
 */
export function coverageText(coverage: Coverage, n: number | null, base: number | null, language: 'zh' | 'en', count: (value: number) => string = String): string | null {
  if (n === null || base === null || base <= 0 || n >= base) return null;
  return language === 'zh' ? `${count(base)} 件中 ${count(n)} 件${coverage.zh}` : `${count(n)} of ${count(base)} ${coverage.en}`;
}
