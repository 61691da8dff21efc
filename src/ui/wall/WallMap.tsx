import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { childLevel } from '../../domain/units';
import { rowsOf } from '../../engine/columns';
import { choroplethOptionsFor, createChoropleth } from '../../map/choropleth';
import { toEventPointColumns } from '../../map/event-layers';
import { SEQUENTIAL_BLUE, SEQUENTIAL_RED } from '../../map/palette';
import { presetPeriod } from '../../sql/period';
import { eventPoints } from '../../sql/points';
import { unitMeasures } from '../../sql/unit-measures';
import { format } from '../../i18n';
import { useDataset } from '../DatasetContext';
import { MapView } from '../MapView';
import type { UnitEntry, UnitsDirectory } from '../units-directory';
import { defaultViewState, type ViewState } from '../url-state';
import { useQuery } from '../useQuery';
import type { WallMessages } from './messages';
import type { WallLayer, WallRange } from './wall-params';
import { defaultMeasure } from '../default-measure';
import { createWallViewStore } from './wall-view-store';
import { formatCount } from '../../domain/format';

/** A unit with fewer events behind a value is drawn as "too little data" (as on the one-map page). */
const MIN_MAP_VOLUME = 5;
/** Wait this long for the browser to give a lost WebGL context back before building a new map anyway. */
const RESTORE_WAIT_MS = 3000;
/** After the map failed to build (no GPU for now), try again after this long. */
const RETRY_AFTER_ERROR_MS = 10_000;

interface WallMapProps {
  units: UnitsDirectory;
  unit: UnitEntry;
  layer: WallLayer;
  range: WallRange;
  pixelRatio: number;
  t: WallMessages;
}

/** Keeps a crash of the map (e.g. no WebGL context to be had) from blanking the wall; retries by itself. */
class MapBoundary extends Component<{ children: ReactNode; fallback: ReactNode; onRetry: () => void }, { failed: boolean }> {
  override state = { failed: false };
  private timer: ReturnType<typeof setTimeout> | undefined;
  static getDerivedStateFromError(): { failed: boolean } { return { failed: true }; }
  override componentDidCatch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.setState({ failed: false }); this.props.onRetry(); }, RETRY_AFTER_ERROR_MS);
  }
  override componentWillUnmount(): void { clearTimeout(this.timer); }
  override render(): ReactNode { return this.state.failed ? this.props.fallback : this.props.children; }
}

/**
 * The map at the centre of the wall (the one-map MapView), following the tour. A lost
 * WebGL context (driver reset, GPU memory pressure on a wall left running for days) is
 * recovered without a reload: the map is built anew once the context comes back, or after
 * a short wait if it does not.
 */
export function WallMap({ units, unit, layer, range, pixelRatio, t }: WallMapProps) {
  const { asOf, unavailable } = useDataset();
  const store = useMemo(() => createWallViewStore(units.root.code), [units]);
  const [generation, setGeneration] = useState(0);
  const [lost, setLost] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = wrap.current;
    if (!element) return;
    let wait: ReturnType<typeof setTimeout> | undefined;
    const rebuild = () => { clearTimeout(wait); wait = undefined; setLost(false); setGeneration((g) => g + 1); };
    const onLost = (event: Event) => {
      // Asking for the context back (preventDefault) is what lets the browser restore it.
      event.preventDefault();
      setLost(true);
      clearTimeout(wait);
      wait = setTimeout(rebuild, RESTORE_WAIT_MS);
    };
    // Context events do not bubble: listen in the capture phase for both canvases (maplibre's and deck.gl's).
    element.addEventListener('webglcontextlost', onLost, true);
    element.addEventListener('webglcontextrestored', rebuild, true);
    return () => {
      clearTimeout(wait);
      element.removeEventListener('webglcontextlost', onLost, true);
      element.removeEventListener('webglcontextrestored', rebuild, true);
    };
  }, []);

  const period = useMemo(() => presetPeriod(range, asOf), [range, asOf]);
  // The whole city's events: flying to a district keeps its neighbours' events in view.
  const points = useQuery(eventPoints(period, { unitCode: units.root.code }), toEventPointColumns);
  const children = childLevel(unit.level);
  const choroplethGroup = layer === 'coverage' || layer === 'response' ? layer : null;
  const measuresSql = choroplethGroup && children ? unitMeasures({ level: children, parentCode: unit.code, period: presetPeriod('30d', asOf), asOf }) : null;
  const measures = useQuery(measuresSql, rowsOf);
  const choropleth = useMemo(() => {
    if (!choroplethGroup || !measures.data) return null;
    // Loaded data without populations cannot show per 10,000 residents: the first measure of the layer it supports.
    const measure = defaultMeasure(choroplethGroup, unavailable);
    const rows = measures.data.map((row) => ({
      code: String(row.code),
      value: typeof row[measure.columns.value] === 'number' ? (row[measure.columns.value] as number) : null,
      insufficient: measure.columns.volume !== null && Number(row[measure.columns.volume] ?? 0) < MIN_MAP_VOLUME,
    }));
    return createChoropleth(rows, choroplethGroup === 'response' ? SEQUENTIAL_RED : SEQUENTIAL_BLUE, 'quantile', choroplethOptionsFor(measure.unit));
  }, [choroplethGroup, measures.data, unavailable]);
  const view = useMemo<ViewState>(() => ({ ...defaultViewState(units.root.code), unit: unit.code, layer }), [units, unit.code, layer]);
  const eventLayer = choroplethGroup ? null : layer as 'points' | 'heatmap' | 'hexagon';
  const timeWindow = useMemo<[number, number]>(() => [-1, 1e9], []);
  const ignoreSelect = useMemo(() => () => undefined, []);
  const rebuild = useMemo(() => () => setGeneration((g) => g + 1), []);
  const recovering = <div className="wall-map-recovering" data-testid="wall-map-recovering">{t.mapRecovering}</div>;

  return (
    <div className="wall-map" ref={wrap} data-testid="wall-map" data-map-generation={generation} data-context-lost={lost ? 'true' : 'false'}>
      <MapBoundary key={generation} fallback={recovering} onRetry={rebuild}>
        <MapView key={generation} view={view} store={store} units={units} points={points.data} eventLayer={eventLayer} choropleth={choropleth}
          timeWindow={timeWindow} onSelectEvent={ignoreSelect} pixelRatio={pixelRatio} fitDurationMs={2000}
          pending={!points.settled || (choroplethGroup !== null && !measures.settled)} />
      </MapBoundary>
      {lost ? recovering : null}
      <div className="wall-map-caption" data-testid="wall-map-caption">
        {format(t.mapCaption, { layer: t.layerNames[layer], range: t.rangeNames[range], count: formatCount(points.data?.length ?? 0) })}
      </div>
    </div>
  );
}
