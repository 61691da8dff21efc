import { useEffect, useMemo, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { measureLabel, type Language } from '../../briefing/labels';
import { messages, vocabLabel } from '../../i18n';
import type { Briefing } from '../../briefing/model';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * Charts are drawn as SVG at a fixed width that fits an A4 page (180 mm ≈ 680 px), so the
 * printed briefing keeps sharp, intact charts; animation is off so a print or a screenshot
 * never catches a chart half drawn.
 */
export const CHART_WIDTH = 680;
const CHART_HEIGHT = 240;

function Chart({ option, testId, label }: { option: EChartsCoreOption; testId: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'svg', width: CHART_WIDTH, height: CHART_HEIGHT });
    chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
    return () => chart.dispose();
  }, [option]);
  return <div ref={ref} className="briefing-chart" data-testid={testId} role="img" aria-label={label} style={{ width: CHART_WIDTH, height: CHART_HEIGHT }} />;
}

/** Category names fit the chart's left margin (the full names are in the category table below it). */
const shortLabel = (text: string) => (text.length > 22 ? `${text.slice(0, 21)}…` : text);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const grid = { left: 56, right: 56, top: 36, bottom: 28 };
const legend = { top: 0, itemGap: 18 };

/** The three charts' options, built once per briefing and language (a new object would redraw a chart). */
function chartOptions(briefing: Briefing, lang: Language): { volume: EChartsCoreOption; rates: EChartsCoreOption; mix: EChartsCoreOption } {
  const words = messages(lang).briefing.chart;
  const periods = briefing.series.map((r) => String(r.period));
  const series = (id: string, scale = 1) => briefing.series.map((r) => { const v = num(r[id]); return v === null ? null : v * scale; });
  const volume: EChartsCoreOption = {
    legend, grid, tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: periods },
    yAxis: [{ type: 'value', name: words.events }, { type: 'value', name: words.backlog, splitLine: { show: false } }],
    series: [
      { name: measureLabel('intake', lang), type: 'bar', data: series('intake'), itemStyle: { color: '#4e79a7' } },
      { name: measureLabel('closed', lang), type: 'bar', data: series('closed'), itemStyle: { color: '#59a14f' } },
      { name: measureLabel('backlog', lang), type: 'line', yAxisIndex: 1, data: series('backlog'), itemStyle: { color: '#e15759' } },
      { name: measureLabel('overdue', lang), type: 'line', yAxisIndex: 1, data: series('overdue'), itemStyle: { color: '#b07aa1' } },
    ],
  };
  const rates: EChartsCoreOption = {
    legend, grid, tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: '%', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 5) * 5), max: (v: { max: number }) => Math.min(100, Math.ceil(v.max / 5) * 5) },
    series: ['response_rate', 'on_time_rate', 'satisfaction_rate'].map((id, i) => ({
      name: measureLabel(id, lang), type: 'line', data: series(id, 100), connectNulls: false, itemStyle: { color: ['#f28e2b', '#4e79a7', '#59a14f'][i] },
    })),
  };
  const top = briefing.categories.filter((r) => (num(r.current) ?? 0) + (num(r.previous) ?? 0) > 0).slice(0, 12);
  const mix: EChartsCoreOption = {
    legend, grid: { ...grid, left: 176 }, tooltip: { trigger: 'axis', renderMode: 'richText' },
    yAxis: { type: 'category', inverse: true, data: top.map((r) => shortLabel(vocabLabel(lang, 'category', String(r.category)))) },
    xAxis: { type: 'value', name: '%' },
    series: [
      { name: words.thisShare, type: 'bar', data: top.map((r) => (num(r.share_current) ?? 0) * 100), itemStyle: { color: '#4e79a7' } },
      { name: words.previousShare, type: 'bar', data: top.map((r) => (num(r.share_previous) ?? 0) * 100), itemStyle: { color: '#bab0ac' } },
    ],
  };
  return { volume, rates, mix };
}

export function BriefingCharts({ briefing, lang }: { briefing: Briefing; lang: Language }) {
  const { volume, rates, mix } = useMemo(() => chartOptions(briefing, lang), [briefing, lang]);
  const words = messages(lang).briefing.chart;
  return (
    <div className="briefing-charts">
      <Chart option={volume} testId="chart-volume" label={words.volume} />
      <Chart option={rates} testId="chart-rates" label={words.rates} />
      <Chart option={mix} testId="chart-categories" label={words.mix} />
    </div>
  );
}
