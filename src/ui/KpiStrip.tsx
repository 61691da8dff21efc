import { useEffect } from 'react';
import { KPI_DEFINITIONS, type MeasureDefinition } from '../domain/measures';
import { firstRow, type Scalar } from '../engine/columns';
import type { EventFilter } from '../sql/filter';
import { kpiStrip } from '../sql/kpis';
import type { Period } from '../sql/period';
import { localeOf } from '../i18n';
import { useDataset } from './DatasetContext';
import { useMessages } from './LanguageContext';
import { useQuery } from './useQuery';
import { ErrorCard } from './ErrorCard';
import { MARKS, markOnce } from './bench-hook';
import { ShowSqlButton, filterLists } from './ShowSqlButton';

function formatValue(definition: MeasureDefinition, value: Scalar, locale: string, hoursLabel: string): string {
  if (typeof value !== 'number') return '—';
  if (definition.unit === 'ratio') return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  if (definition.unit === 'hours') return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${hoursLabel}`;
  return value.toLocaleString(locale);
}

/** The headline numbers of the current unit and filters; each tile states its definition on hover and focus. */
export function KpiStrip({ filter, period, unitName }: { filter: EventFilter; period: Period; unitName?: string }) {
  const { asOf, unavailable } = useDataset();
  const { language, t } = useMessages();
  const result = useQuery(kpiStrip(asOf, filter, period), firstRow);
  const locale = localeOf(language);
  useEffect(() => { if (result.data) markOnce(MARKS.kpisReady); }, [result.data]);
  if (result.error) return <ErrorCard title={t.errorTitle} message={result.error.message} onRetry={result.retry} retryLabel={t.retry} />;
  return (
    <section className="kpi-strip" data-testid="kpi-strip" aria-busy={result.loading} aria-label={t.kpis}>
      {KPI_DEFINITIONS.map((definition) => {
        // A measure the loaded data cannot support (e.g. no due_at) says so instead of showing 0.
        const missing = unavailable?.get(definition.id);
        const value = result.loading || missing ? null : (result.data?.[definition.id] ?? null);
        const text = definition[language];
        return (
          <div
            key={definition.id}
            className="kpi-tile"
            data-testid={`kpi-${definition.id}`}
            data-value={typeof value === 'number' ? String(value) : ''}
            data-unavailable={missing ? 'true' : undefined}
            title={missing ? `${t.definition}: ${text.definition}\n${missing[language]}` : `${t.definition}: ${text.definition}`}
            tabIndex={0}
          >
            <div className="kpi-label">{text.label}</div>
            <div className="kpi-value">{missing ? t.unavailable : result.loading ? '…' : formatValue(definition, value, locale, t.hours)}</div>
            <div className="kpi-definition">{missing ? missing[language] : text.definition}</div>
          </div>
        );
      })}
      <ShowSqlButton sql={result.sql} source={{ panel: 'kpi-strip', unitCode: filter.unitCode ?? '', unitName, period, filters: filterLists(filter) }} />
    </section>
  );
}
