import { useCallback, useMemo, useState } from 'react';
import { overlapGroups, wilsonInterval } from '../domain/ranking';
import { childLevel } from '../domain/units';
import { UNIT_MEASURES, type UnitMeasure } from '../domain/measures';
import { HOUR_MS, timestampMs, wallClockMinute } from '../domain/wall-clock';
import { defaultMeasure, groupMeasures } from './default-measure';
import { firstRow, rowsOf } from '../engine/columns';
import type { FocusPoint } from '../map/focus-layer';
import type { HexagonScale } from '../map/event-layers';
import { densestSquareKilometre } from '../map/heat-density';
import { choroplethOptionsFor, createChoropleth } from '../map/choropleth';
import { toEventPointColumns } from '../map/event-layers';
import { SEQUENTIAL_BLUE, SEQUENTIAL_RED } from '../map/palette';
import { periodHours, presetPeriod } from '../sql/period';
import { eventById, eventIdByRow, eventPoints } from '../sql/points';
import { unitMeasures } from '../sql/unit-measures';
import { format, measureWords } from '../i18n';
import { Breadcrumb } from './Breadcrumb';
import { useDataset } from './DatasetContext';
import { RangeCoverage } from './RangeCoverage';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorCard } from './ErrorCard';
import { EventDetail } from './EventDetail';
import { FilterBar } from './FilterBar';
import { KpiStrip } from './KpiStrip';
import { useMessages } from './LanguageContext';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { Playback } from './Playback';
import { RankingList } from './RankingList';
import type { UnitsDirectory } from './units-directory';
import { filterOf } from './url-state';
import { useQuery } from './useQuery';
import { useViewState, type ViewStore } from './view-store';
import { ShowSqlButton, filterLists } from './ShowSqlButton';
import { ExportPngButton } from './workbench/ExportPngButton';
import { registerMapCapture } from './workbench/map-capture';
import { useResultLayer } from './workbench/result-layer';
import type { ExportSource } from '../export/meta';
import { formatCount } from '../domain/format';

/** Above this many points in view, raw points are neither legible nor fast in software WebGL. */
export const POINT_LIMIT = 150_000;
/** A unit with fewer events behind a rate or duration is drawn as "too little data". */
export const MIN_MAP_VOLUME = 5;

// Playback off: every hour shown. One array for every render, because a new one would
// rebuild the map's layers at each camera move (the URL keeps the camera, so the page re-renders).
const ALL_HOURS: [number, number] = [-1, 1e9];

/** The one-map page: filters, KPIs, the map with its legend and playback, and the side panel. */
export function Dashboard({ store, units }: { store: ViewStore; units: UnitsDirectory }) {
  const { asOf, db, unavailable, origin } = useDataset();
  const { language, t } = useMessages();
  const view = useViewState(store);
  const [timeWindow, setTimeWindow] = useState<[number, number] | null>(null);
  const [forcePoints, setForcePoints] = useState(false);
  const [hexagonScale, setHexagonScale] = useState<HexagonScale | null>(null);

  const unit = units.get(view.unit) ?? units.root;
  const children = childLevel(unit.level);
  const period = useMemo(() => {
    try { return presetPeriod(view.range, asOf, view.from, view.to); } catch { return presetPeriod('30d', asOf); }
  }, [view.range, view.from, view.to, asOf]);
  const filter = useMemo(() => filterOf({ ...view, unit: unit.code }), [view, unit.code]);

  const choroplethGroup = view.layer === 'coverage' || view.layer === 'response' ? view.layer : null;
  const offered = groupMeasures(choroplethGroup);
  const measure: UnitMeasure = UNIT_MEASURES.find((m) => m.id === view.measure) ?? defaultMeasure(choroplethGroup, unavailable);
  // A measure the loaded data cannot support (e.g. per 10,000 residents without populations) says why instead of drawing zeros.
  const measureMissing = unavailable?.get(measure.id) ?? null;
  // At 1M events this query is the larger part of a drill-down (npm run bench: 68 of 106 ms,
  // within the 150 ms target thanks to grid code ranges on a table kept in month × grid order).
  // A roll-up table (grid × day × category counts) could not replace it: it needs medians and
  // P90s of durations and the stock open at the data time, which counts do not carry.
  const measuresSql = children ? unitMeasures({ level: children, parentCode: unit.code, period, asOf, filter: { ...filter, unitCode: undefined } }) : null;
  const measures = useQuery(measuresSql, rowsOf);
  const points = useQuery(eventPoints(period, filter), toEventPointColumns);
  const shownEvents = useMemo(() => ({ period, filter }), [period, filter]);

  const tooMany = (points.data?.length ?? 0) > POINT_LIMIT;
  const autoAggregated = view.layer === 'points' && tooMany && !forcePoints;
  const eventLayer = choroplethGroup ? null : autoAggregated ? 'hexagon' : (view.layer as 'points' | 'heatmap' | 'hexagon');

  const choropleth = useMemo(() => {
    if (!choroplethGroup || !measures.data || measureMissing) return null;
    const volume = measure.columns.volume;
    const rows = measures.data.map((row) => ({
      code: String(row.code),
      value: typeof row[measure.columns.value] === 'number' ? (row[measure.columns.value] as number) : null,
      insufficient: volume !== null && Number(row[volume] ?? 0) < MIN_MAP_VOLUME,
    }));
    const palette = choroplethGroup === 'response' || measure.better === 'lower' ? SEQUENTIAL_RED : SEQUENTIAL_BLUE;
    // A rate whose units' 95 % intervals all overlap shows no real difference: drawn narrow, as the ranking says.
    const { numerator, denominator } = measure.columns;
    const intervals = numerator && denominator
      ? measures.data.filter((row) => !(volume !== null && Number(row[volume] ?? 0) < MIN_MAP_VOLUME)).map((row) => (Number(row[denominator] ?? 0) > 0 ? wilsonInterval(Number(row[numerator] ?? 0), Number(row[denominator])) : null)).filter((i) => i !== null)
      : [];
    const indistinguishable = intervals.length > 1 && new Set(overlapGroups(intervals)).size === 1;
    return { map: createChoropleth(rows, palette, view.classes, { ...choroplethOptionsFor(measure.unit), indistinguishable }), measure, minVolume: MIN_MAP_VOLUME };
  }, [choroplethGroup, measures.data, measure, view.classes, measureMissing]);

  // The heat's number for the legend, over the events it draws in the playback window.
  const heatPeak = useMemo(() => (eventLayer === 'heatmap' && points.data ? densestSquareKilometre(points.data.positions, points.data.tHours, timeWindow ?? ALL_HOURS) : null), [eventLayer, points.data, timeWindow]);

  // A console result added with "add to map" (SQL workbench), drawn above the events.
  const resultLayer = useResultLayer();
  // Still loading what the map shows: the points, and the choropleth's values when one is on.
  const mapPending = !points.settled || (choroplethGroup !== null && !measureMissing && !measures.settled);

  // The open event's place, for the map to fly to and ring: the same query as the detail's (cached), so it is asked once.
  const focusRow = useQuery(view.event ? eventById(view.event) : null, (table) => (table.numRows > 0 ? firstRow(table) : null));
  const focus = useMemo<FocusPoint | null>(() => {
    const row = focusRow.data;
    // An event with a grid code and no coordinates is not drawn: the detail says so, the map stays.
    if (!row || typeof row.event_id !== 'string' || typeof row.lon !== 'number' || typeof row.lat !== 'number') return null;
    return { id: row.event_id, lon: row.lon, lat: row.lat };
  }, [focusRow.data]);

  const selectEvent = useCallback((rowId: number) => {
    db.query(eventIdByRow(rowId)).then((table) => {
      const id = table.getChild('event_id')?.get(0);
      if (typeof id === 'string') store.update({ event: id });
    }, () => undefined);
  }, [db, store]);
  const onWindow = useCallback((window: [number, number] | null) => setTimeWindow(window), []);
  const startLabel = useCallback((hours: number) => wallClockMinute(timestampMs(period.start) + hours * HOUR_MS), [period.start]);
  // What "show SQL" hands the console with each panel's query: the view it was made for.
  const sourceOf = (panel: string): ExportSource => ({ panel, unitCode: unit.code, unitName: unit.name, period, filters: filterLists(filter) });

  return (
    <>
      {/* Each region has its own boundary: one that throws while drawing shows a card, the others keep working. */}
      <ErrorBoundary region="filters"><FilterBar view={view} store={store} asOf={asOf} /><RangeCoverage period={period} asOf={asOf} store={store} /></ErrorBoundary>
      <ErrorBoundary region="kpis"><KpiStrip filter={filter} period={period} unitName={unit.name} /></ErrorBoundary>
      <div className="workspace">
        <div className="map-wrap">
          <ErrorBoundary region="map">
          <MapView view={view} store={store} units={units} points={points.data} eventLayer={eventLayer} choropleth={choropleth?.map ?? null} timeWindow={timeWindow ?? ALL_HOURS} onSelectEvent={selectEvent}
            pending={mapPending} resultLayer={resultLayer} onCapture={registerMapCapture} focus={view.event ? focus : null} onHexagonScale={setHexagonScale} />
          <Legend eventLayer={eventLayer} colorBy={view.colorBy} choropleth={choropleth} autoAggregated={autoAggregated} measuresSql={measures.sql} source={sourceOf('choropleth')} hexagonScale={hexagonScale} heatPeak={heatPeak} shown={shownEvents} />
          <ExportPngButton source={sourceOf('map')} layer={eventLayer ?? view.layer} />
          <div className="map-status" data-testid="map-status">
            {points.error ? t.errorTitle : points.data ? format(t.eventsShown, { count: formatCount(points.data.length) }) : t.loading}
            <ShowSqlButton sql={points.sql} source={sourceOf('points')} />
            {autoAggregated ? <button type="button" onClick={() => setForcePoints(true)}>{t.showPointsAnyway}</button> : null}
            {eventLayer === 'points' ? (
              <select aria-label={t.colorBy} value={view.colorBy} onChange={(e) => store.update({ colorBy: e.target.value as typeof view.colorBy })} data-testid="color-by">
                <option value="category">{t.legend_category}</option>
                <option value="status">{t.legend_status}</option>
                <option value="severity">{t.legend_severity}</option>
              </select>
            ) : null}
          </div>
          {eventLayer ? <Playback totalHours={periodHours(period)} startLabel={startLabel} onWindow={onWindow} /> : null}
          {/* The demo's sources are named only on the demo: the user's own files carry no third-party outline. */}
          <div className="map-attribution" data-testid="map-attribution">{origin === 'user' ? t.attributionUser : t.attribution}</div>
          </ErrorBoundary>
        </div>
        <aside className="side-panel" aria-label={t.sidePanel}>
          <ErrorBoundary region="side-panel">
          <Breadcrumb unitCode={unit.code} units={units} store={store} />
          {view.event ? <EventDetail eventId={view.event} onClose={() => store.update({ event: undefined })} /> : null}
          <label className="measure-select">
            {t.measure}
            <select value={measure.id} data-testid="measure-select" onChange={(e) => store.update({ measure: e.target.value })}>
              {offered.map((m) => <option key={m.id} value={m.id}>{measureWords(language, m.id).label}{unavailable?.has(m.id) ? ` — ${t.unavailable}` : ''}</option>)}
            </select>
          </label>
          {choroplethGroup ? (
            <label className="measure-select">
              {t.classes}
              <select value={view.classes} data-testid="classes-select" onChange={(e) => store.update({ classes: e.target.value as 'quantile' | 'jenks' })}>
                <option value="quantile">{t.classesQuantile}</option>
                <option value="jenks">{t.classesJenks}</option>
              </select>
            </label>
          ) : null}
          {measures.error ? <ErrorCard title={t.errorTitle} message={measures.error.message} onRetry={measures.retry} retryLabel={t.retry} />
            : children === null ? <p className="hint">{t.leafUnit}</p>
            : measureMissing ? <p className="hint" data-testid="measure-unavailable">{measureWords(language, measure.id).label}{t.colon}{measureMissing[language]}</p>
            : measures.data ? <RankingList rows={measures.data} measure={measure} store={store} sql={measures.sql} source={sourceOf('ranking')}
              rankByMissing={measure.rankBy && measure.rankBy !== measure.id ? unavailable?.get(measure.rankBy) ?? null : null} />
            : <p>{t.loading}</p>}
          </ErrorBoundary>
        </aside>
      </div>
    </>
  );
}
