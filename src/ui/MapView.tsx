import { useEffect, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { childLevel } from '../domain/units';
import type { StyleSpecification } from 'maplibre-gl';
import { basemapAttribution, basemapDatum, DEFAULT_BASEMAP, externalBasemapUrls, type BasemapConfig } from '../map/basemap-config';
import { createOfflineStyle, loadBasemapConfig, loadStyle, resolveBoundary } from '../map/basemap-style';
import { toDisplayDatum, toDisplayPositions } from '../map/datum';
import { registerPmtilesProtocol } from '../map/pmtiles-protocol';
import { useMessages } from './LanguageContext';
import { BOUNDARY_LEVELS, createBoundaryLayers, drillLayerChanges } from '../map/boundary-layers';
import { fillColorExpression, type Choropleth } from '../map/choropleth';
import { createEventLayers, pointColors, pointRadii, type EventPointColumns } from '../map/event-layers';
import { createUnitLabelsLayer } from '../map/unit-labels';
import { useDataset } from './DatasetContext';
import { FailureCard } from './FailureCard';
import { mapFailure, type MapStartReason } from './startup-failures';
import { webglProblem } from './webgl-support';
import { MARKS, markOnce, registerMapDriver, registerMapProbe } from './bench-hook';
import { createResultLayer, useResultLayer } from './workbench/result-layer';
import { createMapCapture, registerMapCapture } from './workbench/map-capture';
import { boundsOfLevel, levelBounds } from '../map/unit-bounds';
import type { UnitsDirectory } from './units-directory';
import type { ColorBy, ViewState } from './url-state';
import type { ViewStore } from './view-store';

maplibregl.setWorkerUrl(workerUrl);

export interface MapViewProps {
  view: ViewState;
  /** Only reading the view and writing camera and drill changes are needed (the wall keeps its view in memory). */
  store: Pick<ViewStore, 'get' | 'update'>;
  units: UnitsDirectory;
  points: EventPointColumns | null;
  /** What the incident layer draws: raw points, or an aggregate when points would be too many. */
  eventLayer: 'points' | 'heatmap' | 'hexagon' | null;
  choropleth: Choropleth | null;
  timeWindow: [number, number];
  onSelectEvent: (rowId: number) => void;
  /**
   * Device pixels per CSS pixel for both canvases; by default the screen's. The wall scales
   * its whole canvas with a CSS transform and passes screen ratio × scale so the map stays sharp.
   */
  pixelRatio?: number;
  /** How long the camera flies to a unit, in ms (600 by default; 0 under prefers-reduced-motion). */
  fitDurationMs?: number;
}

/** The one map: boundaries of the current unit and its children, choropleths, incident layers, labels. */
export function MapView({ view, store, units, points, eventLayer, choropleth, timeWindow, onSelectEvent, pixelRatio, fitDurationMs = 600 }: MapViewProps) {
  // `boundaries` is set for the user's data (held in memory); the demo's files are read by URL.
  const { baseUrl, boundaries } = useDataset();
  const { language, t } = useMessages();
  const [basemap, setBasemap] = useState<{ config: BasemapConfig; style: StyleSpecification } | null>(null);
  const [basemapError, setBasemapError] = useState<string | null>(null);
  // Without WebGL there is no map, but the rest of the page works: say why, offer a retry.
  const [startFailure, setStartFailure] = useState<{ reason: MapStartReason; detail: string } | null>(null);
  const [startAttempt, setStartAttempt] = useState(0);
  const [idle, setIdle] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlay = useRef<MapboxOverlay | null>(null);
  const [zoom, setZoom] = useState(8);
  const [mapReady, setMapReady] = useState(false);
  const loadedLevels = useRef(new Set<string>());
  const unit = units.get(view.unit) ?? units.root;
  const children = childLevel(unit.level);
  // The click handler is registered once; it reads the latest drill state through a ref.
  const drillRef = useRef({ children, store });
  drillRef.current = { children, store };

  // The basemap comes from public/onemap.config.json; without one it is the offline style (docs/basemap.md).
  useEffect(() => {
    let live = true;
    const urls = { city: `${baseUrl}/boundaries-city.geojson`, county: `${baseUrl}/boundaries-county.geojson`, township: `${baseUrl}/boundaries-township.geojson` };
    (async () => {
      if (boundaries) {
        // The user's boundaries over the offline basemap: a configured basemap was set up for the demo city's area and datum.
        const [city, county, township] = await Promise.all([boundaries('city'), boundaries('county'), boundaries('township')]);
        if (live) setBasemap({ config: DEFAULT_BASEMAP, style: createOfflineStyle({ city, county, township }) });
        return;
      }
      const config = await loadBasemapConfig(`${import.meta.env.BASE_URL}onemap.config.json`, (input, init) => fetch(input, init));
      if (config.type === 'pmtiles' || config.type === 'style') registerPmtilesProtocol();
      const style = await loadStyle(config, urls, (input, init) => fetch(input, init));
      if (live) setBasemap({ config, style });
    })().catch((error: unknown) => { if (live) setBasemapError(error instanceof Error ? error.message : String(error)); });
    return () => { live = false; };
  }, [baseUrl, boundaries]);
  const datum = basemap ? basemapDatum(basemap.config) : 'wgs84';

  useEffect(() => {
    if (!container.current || !basemap) return;
    const { config } = basemap;
    const initial = store.get().camera;
    const external = externalBasemapUrls(config, window.location.origin).length > 0;
    const attribution = [basemapAttribution(config), external ? t.basemapExternal : undefined].filter((text): text is string => Boolean(text));
    const noWebgl = webglProblem();
    if (noWebgl) { setStartFailure({ reason: 'no-webgl', detail: noWebgl }); return; }
    let map: maplibregl.Map;
    // maplibre throws here when the WebGL context cannot be created after all.
    try { map = new maplibregl.Map({
      container: container.current,
      style: basemap.style,
      center: initial ? [initial[0], initial[1]] : [119.6, 28.2],
      zoom: initial ? initial[2] : 7.5,
      attributionControl: attribution.length > 0 ? { compact: false, customAttribution: attribution } : false,
      dragRotate: false,
      pitchWithRotate: false,
      ...(pixelRatio ? { pixelRatio } : {}),
    }); } catch (error) {
      setStartFailure({ reason: 'map-failed', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.keyboard.enable();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Overlaid, not interleaved: interleaved mode threw with maplibre-gl 6.
    const deckOverlay = new MapboxOverlay({ interleaved: false, layers: [], ...(pixelRatio ? { useDevicePixels: pixelRatio } : {}) });
    map.addControl(deckOverlay);
    overlay.current = deckOverlay;
    mapRef.current = map;
    map.on('load', () => {
      markOnce(MARKS.mapLoad);
      // Sources start empty and get their file when a drill first needs the level: the
      // community and grid files are most of the boundary bytes and most sessions never open them.
      for (const level of BOUNDARY_LEVELS) {
        if (!map.getSource(level)) map.addSource(level, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      }
      for (const layer of createBoundaryLayers()) map.addLayer(layer);
      setZoom(map.getZoom());
      setMapReady(true);
      // "Drawn" means every boundary source is parsed and rendered, not just the style loaded.
      map.once('idle', () => { markOnce(MARKS.mapIdle); setIdle(true); });
    });
    map.on('zoomend', () => setZoom(map.getZoom()));
    map.on('moveend', () => {
      const center = map.getCenter();
      store.update({ camera: [center.lng, center.lat, map.getZoom()] });
    });
    map.on('click', (event) => {
      // An event point under the cursor wins over the unit below it.
      const picked = deckOverlay.pickObject({ x: event.point.x, y: event.point.y, radius: 4 });
      if (picked) return;
      const { children: level, store: viewStore } = drillRef.current;
      if (!level) return;
      const feature = map.queryRenderedFeatures(event.point, { layers: [`drill-${level}-fill`] })[0];
      const code = feature?.properties?.code;
      if (typeof code === 'string') viewStore.update({ unit: code, camera: undefined }, 'push');
    });
    registerMapProbe((lon, lat) => { const p = map.project([lon, lat]); return [p.x, p.y]; });
    // A pixel to the right, then back: every frame re-renders the base map and the deck layers.
    registerMapDriver({ nudge: (i) => map.panBy([i % 2 === 0 ? 1 : -1, 0], { duration: 0 }) });
    return () => { overlay.current = null; mapRef.current = null; loadedLevels.current.clear(); setMapReady(false); setIdle(false); registerMapProbe(null); registerMapDriver(null); map.remove(); };
    // The camera and texts are read once at creation; the map is not rebuilt when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [baseUrl, store, basemap, startAttempt]);

  // A new ratio (the wall's window was resized) applies without rebuilding the map.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !pixelRatio) return;
    if (map.getPixelRatio() !== pixelRatio) map.setPixelRatio(pixelRatio);
    overlay.current?.setProps({ useDevicePixels: pixelRatio });
  }, [mapReady, pixelRatio]);

  // Give each level's source its file the first time the drill state shows that level.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !basemap) return;
    for (const level of [unit.level, children]) {
      if (level === null || level === 'city' || loadedLevels.current.has(level)) continue;
      loadedLevels.current.add(level);
      (boundaries ? boundaries(level) : resolveBoundary(basemap.config, `${baseUrl}/boundaries-${level}.geojson`, (input, init) => fetch(input, init))).then((data) => {
        if (mapRef.current === map) (map.getSource(level) as maplibregl.GeoJSONSource | undefined)?.setData(data);
      }, (error: unknown) => { loadedLevels.current.delete(level); setBasemapError(error instanceof Error ? error.message : String(error)); });
    }
  }, [mapReady, basemap, baseUrl, boundaries, unit.level, children]);

  // Show the current unit's children (coloured when a choropleth is on) and its outline.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady) return;
    const fill = choropleth ? fillColorExpression(choropleth.colors, '#ffffff') : '#ffffff';
    for (const change of drillLayerChanges(unit, children, fill, choropleth ? 0.78 : 0.01)) {
      map.setLayoutProperty(change.id, 'visibility', change.visible ? 'visible' : 'none');
      if (change.filter) map.setFilter(change.id, change.filter as maplibregl.FilterSpecification);
      for (const [name, value] of Object.entries(change.paint ?? {})) map.setPaintProperty(change.id, name as 'fill-color', value as maplibregl.DataDrivenPropertyValueSpecification<string>);
    }
  }, [mapReady, unit, children, choropleth]);

  // Drilling fits the map to the unit; a camera from a shared link wins on the first load.
  const fittedUnit = useRef<string | null>(null);
  const linkCamera = useRef(store.get().camera);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || fittedUnit.current === unit.code) return;
    const first = fittedUnit.current === null;
    fittedUnit.current = unit.code;
    if (first && linkCamera.current) return;
    let current = true;
    const level = unit.level === 'city' ? 'city' : unit.level;
    (boundaries ? boundsOfLevel(() => boundaries(level)) : levelBounds(baseUrl, level)).then((bounds) => {
      const box = bounds.get(unit.code);
      if (current && box) map.fitBounds([...toDisplayDatum(box[0], box[1], datum), ...toDisplayDatum(box[2], box[3], datum)] as [number, number, number, number], { padding: 32, duration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : fitDurationMs });
    }, () => undefined);
    return () => { current = false; };
  }, [mapReady, unit, baseUrl, boundaries, store, datum, fitDurationMs]);

  const colors = useMemo(() => (points ? pointColors(points, view.colorBy as ColorBy) : null), [points, view.colorBy]);
  const radii = useMemo(() => (points ? pointRadii(points) : null), [points]);
  const labels = useMemo(() => {
    const list = children ? units.childrenOf(unit.code) : [unit];
    return list.map((u) => {
      const [lon, lat] = toDisplayDatum(u.label_lon, u.label_lat, datum);
      return { code: u.code, name: u.name, lon, lat, priority: Math.log10(1 + u.population) };
    });
  }, [units, unit, children, datum]);
  // Events are WGS84; over a GCJ-02 basemap a shifted copy is drawn (row order, and so picking, unchanged).
  const shown = useMemo(() => (points && datum === 'gcj02' ? { ...points, positions: toDisplayPositions(points.positions, datum) } : points), [points, datum]);

  // Layer kinds shown once stay created (hidden) so that switching back is instant.
  const usedKinds = useRef(new Set<'points' | 'heatmap' | 'hexagon'>());
  if (eventLayer) usedKinds.current.add(eventLayer);
  // A console result added with "add to map" (SQL workbench): drawn above the events, below the labels.
  const resultLayer = useResultLayer();
  const layers = useMemo(() => {
    const result: Layer[] = [];
    if (shown && colors && radii && eventLayer) {
      result.push(...createEventLayers(shown, { kind: eventLayer, colors, radii, timeWindow, radiusScale: zoom < 9 ? 1 : zoom < 12 ? 2 : 3, hexagonRadiusMeters: Math.max(100, 2000 / 2 ** Math.max(0, zoom - 8)) }, usedKinds.current));
    }
    if (resultLayer) result.push(createResultLayer(datum === 'gcj02' ? { ...resultLayer, positions: toDisplayPositions(resultLayer.positions, datum) } : resultLayer));
    const labelSize = children === 'grid' || children === 'community' ? 12 : children === 'township' ? 14 : 18;
    result.push(createUnitLabelsLayer('unit-labels', labels, { visible: labels.length <= 400, size: labelSize, color: [20, 40, 60, 255] }));
    return result;
  }, [shown, colors, radii, eventLayer, timeWindow, zoom, labels, children, resultLayer, datum]);

  // "Export PNG" (Dashboard) photographs this map through a registry, not through props.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady) return;
    return registerMapCapture(createMapCapture(map, () => overlay.current?.getCanvas() ?? null));
  }, [mapReady]);

  const ready = mapReady && idle && points !== null;
  // The map counts as drawn once deck.gl has rendered a frame holding the current layers
  // after the basemap went idle. deck.gl does not redraw without a change, so the frame may
  // come before or after "ready": both orders are handled.
  const drawn = useRef<{ layers: Layer[] | null; ready: boolean }>({ layers: null, ready: false });
  drawn.current.ready = ready;
  useEffect(() => {
    const deckOverlay = overlay.current;
    if (!deckOverlay) return;
    deckOverlay.setProps({
      layers,
      onAfterRender: () => {
        drawn.current.layers = layers;
        if (drawn.current.ready) markOnce(MARKS.mapReady);
      },
      onClick: (info: PickingInfo) => {
        if (info.layer?.id === 'events-points' && info.index >= 0 && points) onSelectEvent(points.rowIds[info.index]!);
      },
    });
  }, [layers, mapReady, points, onSelectEvent]);
  useEffect(() => {
    if (ready && drawn.current.layers === layers) markOnce(MARKS.mapReady);
  }, [ready, layers]);

  if (startFailure) {
    const retry = () => { setStartFailure(null); setStartAttempt((n) => n + 1); };
    return <div className="map map-error" style={{ overflow: 'auto' }}><FailureCard failure={mapFailure(startFailure.reason, language)} kind={`map-${startFailure.reason}`} detail={startFailure.detail} onRetry={retry} /></div>;
  }
  if (basemapError) return <div className="map map-error" role="alert" data-testid="error-card">{basemapError}</div>;
  return (
    <div
      ref={container}
      className="map"
      data-testid="map"
      data-ready={ready ? 'true' : 'false'}
      data-unit={unit.code}
      data-layer={eventLayer ?? view.layer}
      data-point-count={points?.length ?? ''}
      role="application"
      aria-label={unit.name}
    />
  );
}
