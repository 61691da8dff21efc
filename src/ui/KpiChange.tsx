import { kpiChange } from '../domain/change';
import { formatMagnitude } from '../domain/format';
import { measure as registryMeasure, type KpiTile } from '../domain/measures';
import { DAY_MS, timestampMs } from '../domain/wall-clock';
import { format } from '../i18n';
import type { Period } from '../sql/period';
import { useMessages } from './LanguageContext';

/** What a tile is compared with, in words: the range before, the same hours yesterday, a day earlier, the 30 days before. */
function comparisonWords(kpi: KpiTile, period: Period, t: ReturnType<typeof useMessages>['t']): string {
  switch (kpi.window) {
    case 'today': return t.vsYesterdaySameHours;
    case 'now': return t.vsDayEarlier;
    case '30d': return format(t.vsDaysBefore, { days: '30' });
    case 'selected': {
      const days = (timestampMs(period.end) - timestampMs(period.start)) / DAY_MS;
      return format(t.vsDaysBefore, { days: Number.isInteger(days) ? String(days) : days.toFixed(1) });
    }
  }
}

/**
 * A KPI tile's change against its comparison (kpiStripPrevious, src/sql/kpis.ts), with the
 * arrow coloured by the measure's better direction (fewer overdue is good news, more closed
 * is good news). `previous` undefined: still being asked; null: nothing to compare with.
 */
export function KpiChange({ kpi, value, previous, period }: { kpi: KpiTile; value: number | null; previous: number | null | undefined; period: Period }) {
  const { language, t } = useMessages();
  if (previous === undefined) return <div className="kpi-change" aria-busy="true">…</div>;
  const measure = registryMeasure(kpi.measure);
  const change = kpiChange(value, previous, measure.better);
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '';
  const amount = formatMagnitude(measure.unit, change.magnitude, language);
  return (
    <div className={`kpi-change ${change.good === true ? 'good' : change.good === false ? 'bad' : ''}`} data-testid={`kpi-change-${kpi.id}`}
      data-previous={previous === null ? '' : String(previous)} data-direction={change.direction ?? ''} data-good={change.good === null ? '' : String(change.good)}>
      {change.direction === null ? t.noComparison : change.direction === 'flat' ? t.noChangeShort : `${arrow} ${amount}`} <span className="kpi-change-base">{comparisonWords(kpi, period, t)}</span>
    </div>
  );
}
