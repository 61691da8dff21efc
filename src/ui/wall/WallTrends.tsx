import { useMemo } from 'react';
import { rowsOf, type Scalar } from '../../engine/columns';
import { lastDays } from '../../sql/period';
import { trendSeries } from '../../sql/series';
import { isMeasureId } from '../../domain/measures';
import { useDataset } from '../DatasetContext';
import { useQuery } from '../useQuery';
import { EChart, type ChartOption } from './EChart';
import type { WallMessages } from './messages';
import { WALL_COLORS } from './wall-colors';

const DAYS = 30;

interface Series { days: string[]; values: Record<string, (number | null)[]> }

function toSeries(rows: Record<string, Scalar>[], measures: readonly string[]): Series {
  const days = rows.map((r) => String(r.period).slice(5));
  const values: Record<string, (number | null)[]> = {};
  for (const m of measures) values[m] = rows.map((r) => (typeof r[m] === 'number' ? (r[m] as number) : null));
  return { days, values };
}

/** Dark, large-type small multiple: a few series over the same days. */
function smallChart(days: string[], series: { name: string; data: (number | null)[]; color: string; type: 'bar' | 'line' }[], percent = false): ChartOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif', color: WALL_COLORS.muted, fontSize: 15 },
    grid: { left: 56, right: 12, top: 34, bottom: 28 },
    legend: { top: 0, right: 0, textStyle: { color: WALL_COLORS.text, fontSize: 16 }, itemWidth: 14, itemHeight: 10 },
    xAxis: { type: 'category', data: days, axisLabel: { color: WALL_COLORS.muted, fontSize: 14, interval: 6 }, axisLine: { lineStyle: { color: WALL_COLORS.grid } }, axisTick: { show: false } },
    yAxis: {
      type: 'value', splitNumber: 3, axisLabel: { color: WALL_COLORS.muted, fontSize: 14, formatter: percent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
      splitLine: { lineStyle: { color: WALL_COLORS.grid } }, ...(percent ? { min: 0, max: 1 } : {}),
    },
    series: series.map((s) => ({ name: s.name, type: s.type, data: s.data, itemStyle: { color: s.color }, lineStyle: { width: 3, color: s.color }, showSymbol: false, connectNulls: false, barMaxWidth: 8 })),
  };
}

/** The last 30 days of the unit in view: intake and closures, backlog and overdue, on-time rate (trendSeries builder). */
export function WallTrends({ unitCode, t }: { unitCode: string; t: WallMessages }) {
  const { asOf, unavailable } = useDataset();
  const sql = useMemo(() => trendSeries({ granularity: 'day', period: lastDays(asOf, DAYS), asOf, filter: { unitCode }, families: ['volume', 'rates'] }), [asOf, unitCode]);
  const result = useQuery(sql, (table) => toSeries(rowsOf(table), ['intake', 'closed', 'backlog', 'overdue', 'on_time_rate']));
  const charts = useMemo(() => {
    if (!result.data) return null;
    const { days, values } = result.data;
    // A measure loaded data cannot support is drawn as no line at all, not as a flat zero.
    const shown = (id: string, data: (number | null)[]) => (isMeasureId(id) && unavailable?.has(id) ? data.map(() => null) : data);
    return [
      { id: 'intake', title: t.trendIntake, option: smallChart(days, [
        { name: t.intake, data: values.intake!, color: WALL_COLORS.accent, type: 'bar' },
        { name: t.closed, data: shown('closed', values.closed!), color: WALL_COLORS.good, type: 'line' },
      ]) },
      { id: 'backlog', title: t.trendBacklog, option: smallChart(days, [
        { name: t.backlog, data: shown('backlog', values.backlog!), color: WALL_COLORS.warn, type: 'line' },
        { name: t.overdue, data: shown('overdue', values.overdue!), color: WALL_COLORS.bad, type: 'line' },
      ]) },
      { id: 'on-time', title: t.trendOnTime, option: smallChart(days, [
        { name: t.onTime, data: shown('on_time_rate', values.on_time_rate!), color: WALL_COLORS.good, type: 'line' },
      ], true) },
    ];
  }, [result.data, t, unavailable]);
  return (
    <section className="wall-panel wall-trends" aria-label={t.trends} data-testid="wall-trends">
      <h2>{t.trends}</h2>
      {charts ? charts.map((c) => (
        <div key={c.id} className="wall-trend">
          <h3>{c.title}</h3>
          <EChart option={c.option} label={c.title} testId={`wall-trend-${c.id}`} />
        </div>
      )) : <p className="wall-muted">{t.loading}</p>}
    </section>
  );
}
