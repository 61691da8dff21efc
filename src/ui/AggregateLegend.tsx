import { formatCount, formatNumber, formatPercent } from '../domain/format';
import { format } from '../i18n';
import { HEAT_COLORS, HEAT_THRESHOLD, HEXAGON_COLORS, type HexagonScale } from '../map/event-layers';
import { useMessages } from './LanguageContext';

/** A radius as people say it: metres below a kilometre, kilometres with one decimal above. */
function radiusText(meters: number): string {
  return meters < 1000 ? `${formatCount(meters)} m` : `${formatNumber(meters / 1000, 1, 'short')} km`;
}

/** The colours of an aggregate layer in order, light to dark, with a number under each end. */
function Ramp({ colors, low, high, testId }: { colors: readonly string[]; low: string; high: string; testId: string }) {
  return (
    <div className="legend-ramp" data-testid={`${testId}-ramp`}>
      <div className="legend-ramp-colors">{colors.map((color) => <span key={color} style={{ background: color }} />)}</div>
      <div className="legend-ramp-ends"><span data-testid={`${testId}-min`}>{low}</span><span data-testid={`${testId}-max`}>{high}</span></div>
    </div>
  );
}

/**
 * The hexagons' legend in numbers: the fewest and most events in one hexagon as the layer
 * counted them (its own aggregation), and the radius they were counted with. Until the layer
 * has counted, only the title shows.
 */
export function HexagonLegend({ scale }: { scale: HexagonScale | null }) {
  const { t } = useMessages();
  if (!scale) return null;
  const min = formatCount(scale.min), max = formatCount(scale.max);
  return (
    <>
      <Ramp colors={HEXAGON_COLORS} low={min} high={max} testId="legend-hexagon" />
      <div className="legend-note" data-testid="legend-hexagon-scale" data-radius-m={scale.radiusMeters}>{format(t.legendHexagonScale, { min, max, radius: radiusText(scale.radiusMeters) })}</div>
    </>
  );
}

/**
 * The heat's legend in numbers. Its colours are relative to the densest spot in view, so the
 * number given is one that can be checked: the most events in one square kilometre
 * (densestSquareKilometre), among the events the heat draws.
 */
export function HeatLegend({ peak }: { peak: number | null }) {
  const { t } = useMessages();
  if (peak === null) return null;
  if (peak === 0) return <div className="legend-note" data-testid="legend-heat-empty">{t.legendHeatEmpty}</div>;
  return (
    <>
      <Ramp colors={HEAT_COLORS} low="0" high={`${formatCount(peak)} / km²`} testId="legend-heat" />
      <div className="legend-note" data-testid="legend-heat-scale" data-peak={peak}>{format(t.legendHeatScale, { threshold: formatPercent(HEAT_THRESHOLD, 'short'), n: formatCount(peak) })}</div>
    </>
  );
}
