import { formatCount } from '../domain/format';
import { format } from '../i18n';
import { firstRow } from '../engine/columns';
import type { Period } from '../sql/period';
import { rangeCoverage } from '../sql/range-coverage';
import { useMessages } from './LanguageContext';
import { useQuery } from './useQuery';
import type { ViewStore } from './view-store';

/** Below this share of the loaded events, the range is said to show "almost nothing". */
const SPARSE_SHARE = 0.1;

interface Coverage { inRange: number; loaded: number; firstDay: string | null; lastDay: string | null; afterDataTime: number }

/**
 * "This range: 120 of 45,678 loaded events", with the whole span one click away. Without
 * it, a historical extract opened on the default "last 30 days" looks like a city with no
 * events (issue #14 point 6).
 */
export function RangeCoverage({ period, asOf, store }: { period: Period; asOf: string; store: ViewStore }) {
  const { t } = useMessages();
  const result = useQuery(rangeCoverage(period, asOf), (table): Coverage => {
    const row = firstRow(table);
    return {
      inRange: Number(row.in_range ?? 0), loaded: Number(row.loaded ?? 0), afterDataTime: Number(row.after_data_time ?? 0),
      firstDay: typeof row.first_day === 'string' ? row.first_day : null, lastDay: typeof row.last_day === 'string' ? row.last_day : null,
    };
  });
  const c = result.data;
  if (!c || c.loaded === 0) return null;
  const sparse = c.inRange < SPARSE_SHARE * c.loaded;
  const wholeSpan = c.firstDay !== null && c.lastDay !== null && c.inRange < c.loaded - c.afterDataTime;
  return (
    <div className={`range-coverage${sparse ? ' range-sparse' : ''}`} role="status" data-testid="range-coverage" data-in-range={c.inRange} data-loaded={c.loaded} data-after={c.afterDataTime}>
      {format(t.rangeCoverage, { shown: formatCount(c.inRange), loaded: formatCount(c.loaded) })}
      {c.afterDataTime > 0 ? <> · {format(t.rangeAfterDataTime, { n: formatCount(c.afterDataTime) })}</> : null}
      {wholeSpan ? (
        <button type="button" data-testid="range-whole-span" onClick={() => store.update({ range: 'custom', from: c.firstDay!, to: c.lastDay! })}>
          {format(t.rangeWholeSpan, { from: c.firstDay!, to: c.lastDay! })}
        </button>
      ) : null}
    </div>
  );
}
