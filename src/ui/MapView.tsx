import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { childLevel } from '../domain/units';
import type { Choropleth } from '../map/choropleth';
import { hexagonRadiusMeters, type EventPointColumns, type HexagonScale } from '../map/event-layers';
import type { FocusPoint } from '../map/focus-layer';
import { toDisplayDatum } from '../map/datum';
import { createMapCapture, type MapCapture } from '../map/map-capture';
import type { ResultPoints } from '../map/result-layer';
import { useDataset } from './DatasetContext';
import { FailureCard } from './FailureCard';
import { useMessages } from './LanguageContext';
import { mapFailure } from './startup-failures';
import type { UnitsDirectory } from './units-directory';
import type { ColorBy, ViewState } from './url-state';
import type { ViewStore } from './view-store';
import { initialCamera } from './map/initial-camera';
import { useBasemap } from './map/useBasemap';
import { useBoundarySources } from './map/useBoundarySources';
import { useDeckLayers } from './map/useDeckLayers';
import { useDrillLayers } from './map/useDrillLayers';
import { useEventLayers, type EventLayerKind } from './map/useEventLayers';
import { useFitToUnit } from './map/useFitToUnit';
import { useFocusEvent } from './map/useFocusEvent';
import { useMapBenchHooks } from './map/useMapBenchHooks';
import { useMapInstance } from './map/useMapInstance';
import { useResultDeckLayer } from './map/useResultDeckLayer';
import { useUnitLabels } from './map/useUnitLabels';
import { labelHaloPixels } from '../map/unit-labels';

export interface MapViewProps {
  view: ViewState;
  /** Only reading the view and writing camera and drill changes are needed (the wall keeps its view in memory). */
  store: Pick<ViewStore, 'get' | 'update'>;
  units: UnitsDirectory;
  points: EventPointColumns | null;
  /** What the incident layer draws: raw points, or an aggregate when points would be too many. */
  eventLayer: EventLayerKind | null;
  choropleth: Choropleth | null;
  timeWindow: [number, number];
  onSelectEvent: (rowId: number) => void;
  /** The page is still loading something the map will show (points, the choropleth's values): the map does not count as drawn yet. */
  pending?: boolean;
  /** A query result to draw above the events (the SQL console's "add to map"). */
  resultLayer?: ResultPoints | null;
  /** Told how to photograph the map once it exists (the "export PNG" control); returns how to forget it. */
  onCapture?: (capture: MapCapture) => () => void;
  /**
   * Device pixels per CSS pixel for both canvases; by default the screen's. The wall scales
   * its whole canvas with a CSS transform and passes screen ratio × scale so the map stays sharp.
   */
  pixelRatio?: number;
  /** How long the camera flies to a unit, in ms (600 by default; 0 under prefers-reduced-motion). */
  fitDurationMs?: number;
  /** The open event's place (WGS84): the map flies there and rings it. */
  focus?: FocusPoint | null;
  /** Told the hexagons' counts and radius each time they are aggregated (null when no hexagon is drawn), for the legend. */
  onHexagonScale?: (scale: HexagonScale | null) => void;
}

/**
 * The one map: the basemap with the current unit's outline and its children's boundaries
 * (filled by a choropleth when one is on), the incident layers, a query result, the units'
 * names. Each of these is its own piece under ui/map/; this component wires them to the view.
 */
export function MapView({ view, store, units, points, eventLayer, choropleth, timeWindow, onSelectEvent, pending = false, resultLayer = null, onCapture, pixelRatio, fitDurationMs = 600, focus = null, onHexagonScale }: MapViewProps) {
  // `boundaries` is set for the user's data (held in memory); the demo's files are read by URL.
  const { baseUrl, boundaries } = useDataset();
  const source = useMemo(() => ({ baseUrl, boundaries }), [baseUrl, boundaries]);
  const { language, t } = useMessages();
  const container = useRef<HTMLDivElement>(null);
  const unit = units.get(view.unit) ?? units.root;
  const children = childLevel(unit.level);

  const basemap = useBasemap(baseUrl, boundaries);
  const { datum } = basemap;
  // Read when the map is created and on a click: the latest drill state, not the first.
  const latest = useRef({ unit, children, store, units, datum });
  latest.current = { unit, children, store, units, datum };
  const linkCamera = useRef(store.get().camera);
  // A link that opens an event shows the event, not the whole unit: its flight replaces the first fit.
  const linkEvent = useRef(store.get().event);

  const instance = useMapInstance(container, {
    basemap: basemap.basemap,
    // At creation (and at a retry) the camera in the view wins: a shared link's, or where the user had moved.
    initialCamera: () => initialCamera(latest.current.store.get().camera, latest.current.unit, latest.current.units, latest.current.datum),
    externalBasemapText: t.basemapExternal,
    pixelRatio,
    onMoveEnd: (camera) => latest.current.store.update({ camera }),
    onMapClick: (map: maplibregl.Map, point: maplibregl.Point) => {
      const { children: level, store: viewStore } = latest.current;
      if (!level) return;
      const code = map.queryRenderedFeatures(point, { layers: [`drill-${level}-fill`] })[0]?.properties?.code;
      if (typeof code === 'string') viewStore.update({ unit: code, camera: undefined }, 'push');
    },
  });
  const { map, overlay, loaded, idle, zoom, camera } = instance;

  useBoundarySources(map, loaded, basemap.basemap, source, [unit.level, children], basemap.fail);
  useFitToUnit(map, loaded, unit, { source, datum, hasLinkCamera: linkCamera.current !== undefined || linkEvent.current !== undefined, durationMs: fitDurationMs });
  useMapBenchHooks(map);

  // The counts come from the layer itself (its aggregation callback), so the legend says what is drawn.
  const [hexagonDomain, setHexagonDomain] = useState<[number, number] | null>(null);
  const onHexagonDomain = useCallback((domain: [number, number]) => {
    const [min, max] = domain;
    // No hexagon at all (nothing in the window) gives [Infinity, -Infinity].
    setHexagonDomain((old) => (!Number.isFinite(min) || !Number.isFinite(max) ? null : old && old[0] === min && old[1] === max ? old : [min, max]));
  }, []);
  const eventLayers = useEventLayers(points, { kind: eventLayer, colorBy: view.colorBy as ColorBy, timeWindow, zoom, datum, onHexagonDomain });
  useEffect(() => {
    onHexagonScale?.(eventLayer === 'hexagon' && hexagonDomain ? { min: hexagonDomain[0], max: hexagonDomain[1], radiusMeters: hexagonRadiusMeters(zoom) } : null);
  }, [onHexagonScale, eventLayer, hexagonDomain, zoom]);
  const resultDeckLayer = useResultDeckLayer(resultLayer, datum);
  const labels = useUnitLabels(units, unit, children, datum);
  const shownFocus = useMemo(() => {
    if (!focus) return null;
    const [lon, lat] = toDisplayDatum(focus.lon, focus.lat, datum);
    return { id: focus.id, lon, lat };
  }, [focus, datum]);
  const focusLayer = useFocusEvent(map, loaded, shownFocus, fitDurationMs === 0 ? 0 : 2 * fitDurationMs);
  // Events, then a query result above them, then the names, then the open event's ring above everything.
  const layers = useMemo<Layer[]>(() => [...eventLayers, ...(resultDeckLayer ? [resultDeckLayer] : []), labels, ...(focusLayer ? [focusLayer] : [])], [eventLayers, resultDeckLayer, labels, focusLayer]);

  const onPick = useCallback((info: PickingInfo) => {
    if (info.layer?.id === 'events-points' && info.index >= 0 && points) onSelectEvent(points.rowIds[info.index]!);
  }, [points, onSelectEvent]);
  const ready = loaded && idle && points !== null;
  const { drawn, basemapChanged } = useDeckLayers(map, overlay, layers, { ready, pending, onPick });
  useDrillLayers(map, loaded, unit, children, choropleth, basemapChanged);

  useEffect(() => {
    if (!map || !loaded || !onCapture) return;
    return onCapture(createMapCapture(map, () => overlay?.getCanvas() ?? null));
  }, [map, overlay, loaded, onCapture]);

  if (instance.startFailure) {
    const { reason, detail } = instance.startFailure;
    return <div className="map map-error" style={{ overflow: 'auto' }}><FailureCard failure={mapFailure(reason, language)} kind={`map-${reason}`} detail={detail} onRetry={instance.retry} /></div>;
  }
  if (basemap.error) return <div className="map map-error" role="alert" data-testid="error-card">{basemap.error}</div>;
  return (
    <div
      ref={container}
      className="map"
      data-testid="map"
      data-ready={ready ? 'true' : 'false'}
      data-layer-drawn={drawn ? 'true' : 'false'}
      data-unit={unit.code}
      data-layer={eventLayer ?? view.layer}
      data-point-count={points?.length ?? ''}
      data-time-window={timeWindow.join(',')}
      data-camera={camera ? camera.map((n) => n.toFixed(5)).join(',') : ''}
      data-focused-event={shownFocus?.id ?? ''}
      // For tests: the deck.gl layers bottom to top (the names must come after the data) and the names' halo in pixels.
      data-deck-layers={layers.filter((layer) => layer.props.visible).map((layer) => layer.id).join(',')}
      data-label-halo-px={labelHaloPixels(Number((labels.props as { getSize?: unknown }).getSize)).toFixed(2)}
      role="application"
      aria-label={unit.name}
    />
  );
}
