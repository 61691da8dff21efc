import { CATEGORIES, OTHER_CATEGORY } from '../domain/categories';
import { SEVERITIES, STATUSES } from '../domain/events';
import { format, measureWords, vocabLabel } from '../i18n';
import type { UnitMeasure } from '../domain/measures';
import type { Choropleth } from '../map/choropleth';
import { CATEGORY_COLORS_HEX, NO_DATA_HEX, UNKNOWN_HEX, SEVERITY_COLORS_HEX, STATUS_COLORS_HEX } from '../map/palette';
import { useDataset } from './DatasetContext';
import { useMessages } from './LanguageContext';
import { formatMeasure } from './measure-format';
import type { ColorBy } from './url-state';
import type { ExportSource } from '../export/meta';
import { ShowSqlButton } from './ShowSqlButton';
import { OtherCategoryTexts } from './OtherCategoryTexts';
import { HeatLegend, HexagonLegend } from './AggregateLegend';
import type { HexagonScale } from '../map/event-layers';
import type { EventFilter } from '../sql/filter';
import type { Period } from '../sql/period';

interface LegendProps {
  eventLayer: 'points' | 'heatmap' | 'hexagon' | null;
  colorBy: ColorBy;
  choropleth: { map: Choropleth; measure: UnitMeasure; minVolume: number } | null;
  autoAggregated: boolean;
  /** The SQL behind the choropleth's measures and the panel context, for "show SQL". */
  measuresSql?: string | null;
  source?: ExportSource;
  /** The hexagons' counts as the layer made them (null until it has). */
  hexagonScale?: HexagonScale | null;
  /** The most events in one square kilometre among those the heat draws (null until known). */
  heatPeak?: number | null;
  /** The period and filter of the events the map shows (the "other" words are counted among them). */
  shown?: { period: Period; filter: EventFilter } | null;
}

/** What colour and size mean on the map right now, with the measure's definition. */
export function Legend({ eventLayer, colorBy, choropleth, autoAggregated, measuresSql = null, source, hexagonScale = null, heatPeak = null, shown = null }: LegendProps) {
  const { language, t } = useMessages();
  const { origin } = useDataset();
  const items: { color: string; label: string }[] = colorBy === 'category'
    ? [...CATEGORIES.map((c, i) => ({ color: CATEGORY_COLORS_HEX[i]!, label: vocabLabel(language, 'category', c.code) })),
      // Loaded data can hold categories outside the taxonomy; they are drawn grey (palette.ts).
      ...(origin === 'user' ? [{ color: UNKNOWN_HEX, label: vocabLabel(language, 'category', OTHER_CATEGORY.code) }] : [])]
    : colorBy === 'status' ? STATUSES.map((s) => ({ color: STATUS_COLORS_HEX[s] ?? '#888', label: vocabLabel(language, 'status', s) }))
    : SEVERITY_COLORS_HEX.map((color, i) => ({ color, label: vocabLabel(language, 'severity', SEVERITIES[i]) }));
  return (
    <div className="legend" data-testid="legend">
      {choropleth ? (
        <div className="legend-block">
          <div className="legend-title">{measureWords(language, choropleth.measure.id).label}{source ? <> <ShowSqlButton sql={measuresSql} source={source} /></> : null}</div>
          <div className="legend-definition">{measureWords(language, choropleth.measure.id).definition}</div>
          {choropleth.map.narrow && choropleth.map.range ? (
            <div className="legend-note" data-testid="legend-narrow">{format(t.legendNarrow, { low: formatMeasure(choropleth.measure, choropleth.map.range[0], language), high: formatMeasure(choropleth.measure, choropleth.map.range[1], language) })}</div>
          ) : null}
          <ul className="legend-classes">
            {choropleth.map.palette.map((color, i) => {
              const low = i === 0 ? null : choropleth.map.breaks[i - 1]!;
              const high = choropleth.map.breaks[i] ?? null;
              const text = low === null ? `≤ ${formatMeasure(choropleth.measure, high, language)}` : high === null ? `> ${formatMeasure(choropleth.measure, low, language)}` : `${formatMeasure(choropleth.measure, low, language)} – ${formatMeasure(choropleth.measure, high, language)}`;
              return <li key={color}><span className="swatch square" style={{ background: color }} />{text}</li>;
            })}
            <li><span className="swatch square" style={{ background: NO_DATA_HEX }} />{t.insufficientData.replace('{n}', String(choropleth.minVolume))}</li>
          </ul>
        </div>
      ) : null}
      {eventLayer === 'points' ? (
        <div className="legend-block">
          <div className="legend-title">{t[`legend_${colorBy}`]}</div>
          <ul className="legend-items">{items.map((item) => <li key={item.label}><span className="swatch" style={{ background: item.color }} />{item.label}</li>)}</ul>
          {colorBy === 'category' && origin === 'user' && shown ? <OtherCategoryTexts period={shown.period} filter={shown.filter} /> : null}
          <div className="legend-note">{t.legendSize}</div>
        </div>
      ) : eventLayer ? (
        <div className="legend-block">
          <div className="legend-title">{eventLayer === 'heatmap' ? t.legendHeatmap : t.legendHexagon}</div>
          {eventLayer === 'heatmap' ? <HeatLegend peak={heatPeak} /> : <HexagonLegend scale={hexagonScale} />}
          {autoAggregated ? <div className="legend-note" data-testid="auto-aggregate-note">{t.autoAggregated}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
