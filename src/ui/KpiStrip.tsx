import { useEffect } from 'react';
import { formatCount, formatMeasureValue } from '../domain/format';
import { KPI_TILES, measure as registryMeasure, type KpiTile, type MeasureUnit } from '../domain/measures';
import { coverageText, kpiTileWords } from '../i18n';
import type { Language } from '../i18n';
import { firstRow, type Scalar } from '../engine/columns';
import type { EventFilter } from '../sql/filter';
import { kpiComparisonCovered, kpiCoverageColumns, kpiStrip, kpiStripPrevious } from '../sql/kpis';
import { KpiChange } from './KpiChange';
import type { Period } from '../sql/period';
import { useDataset } from './DatasetContext';
import { useMessages } from './LanguageContext';
import { useQuery } from './useQuery';
import { ErrorCard } from './ErrorCard';
import { MARKS, markOnce } from './bench-hook';
import { ShowSqlButton, filterLists } from './ShowSqlButton';

function formatValue(unit: MeasureUnit, value: Scalar, language: Language, hourWord: string): string {
  return formatMeasureValue(unit, typeof value === 'number' ? value : null, language, { hourWord });
}

const numberOrNull = (value: Scalar | undefined): number | null => (typeof value === 'number' ? value : null);

/**
 * The headline numbers of the current unit and filters, one tile per KPI_TILES entry
 * (src/domain/measures/uses.ts); each states its definition on hover and focus, and its
 * coverage when loaded data carries the measure's input on only some rows.
 */
export function KpiStrip({ filter, period, unitName }: { filter: EventFilter; period: Period; unitName?: string }) {
  const { asOf, unavailable } = useDataset();
  const { language, t } = useMessages();
  const result = useQuery(kpiStrip(asOf, filter, period), firstRow);
  // The comparison is asked separately, so the tiles show their values without waiting for it.
  const previous = useQuery(kpiStripPrevious(asOf, filter, period), firstRow);
  useEffect(() => { if (result.data) markOnce(MARKS.kpisReady); }, [result.data]);
  if (result.error) return <ErrorCard title={t.errorTitle} message={result.error.message} onRetry={result.retry} retryLabel={t.retry} />;
  const tile = (kpi: KpiTile) => {
    const measure = registryMeasure(kpi.measure);
    // A measure the loaded data cannot support (e.g. no due_at) says so instead of showing 0.
    const missing = unavailable?.get(kpi.measure);
    const value = result.loading || missing ? null : (result.data?.[kpi.id] ?? null);
    const text = kpiTileWords(language, kpi.measure, kpi.window);
    const columns = kpiCoverageColumns(kpi.id);
    const coverage = measure.coverage && result.data && !missing
      ? coverageText(language, measure.coverage, numberOrNull(result.data[columns.n]), numberOrNull(result.data[columns.base]), formatCount)
      : null;
    return (
      <div
        key={kpi.id}
        className="kpi-tile"
        data-testid={`kpi-${kpi.id}`}
        data-value={typeof value === 'number' ? String(value) : ''}
        data-unavailable={missing ? 'true' : undefined}
        data-coverage={coverage ?? undefined}
        title={missing ? `${t.definition}: ${text.definition}\n${missing[language]}` : `${t.definition}: ${text.definition}`}
        tabIndex={0}
      >
        <div className="kpi-label">{text.label}</div>
        <div className="kpi-value">{missing ? t.unavailable : result.loading ? '…' : formatValue(measure.unit, value, language, t.hours)}</div>
        {coverage ? <div className="kpi-coverage" data-testid={`kpi-coverage-${kpi.id}`}>{coverage}</div> : null}
        {!missing && !result.loading ? <KpiChange kpi={kpi} value={numberOrNull(value ?? undefined)} previous={previous.data && !previous.loading ? (previous.data[kpiComparisonCovered(kpi.id)] === true ? numberOrNull(previous.data[kpi.id]) : null) : undefined} period={period} /> : null}
        <div className="kpi-definition">{missing ? missing[language] : text.definition}</div>
      </div>
    );
  };
  return (
    <section className="kpi-strip" data-testid="kpi-strip" aria-busy={result.loading} aria-label={t.kpis}>
      {KPI_TILES.map(tile)}
      <ShowSqlButton sql={result.sql} source={{ panel: 'kpi-strip', unitCode: filter.unitCode ?? '', unitName, period, filters: filterLists(filter) }} />
    </section>
  );
}
