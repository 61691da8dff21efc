import { useEffect, useRef, useState, type RefObject } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { basemapAttribution, externalBasemapUrls } from '../../map/basemap-config';
import { BOUNDARY_LEVELS, createBoundaryLayers } from '../../map/boundary-layers';
import { MARKS, markOnce } from '../bench-hook';
import type { MapStartReason } from '../startup-failures';
import { webglProblem } from '../webgl-support';
import type { Basemap } from './useBasemap';
import type { InitialCamera } from './initial-camera';

maplibregl.setWorkerUrl(workerUrl);

export interface MapInstance {
  map: maplibregl.Map | null;
  overlay: MapboxOverlay | null;
  /** The style is loaded and the boundary sources and layers are added. */
  loaded: boolean;
  /** The map went idle once after loading: every boundary source parsed and rendered. */
  idle: boolean;
  zoom: number;
  /** Where the map came to rest last (lon, lat, zoom), whoever moved it: the page's fit or the user. */
  camera: [number, number, number] | null;
  /** Why there is no map (no WebGL, or maplibre could not start), with a retry. */
  startFailure: { reason: MapStartReason; detail: string } | null;
  retry: () => void;
}

export interface MapInstanceOptions {
  basemap: Basemap | null;
  /** Read once, when the map is created. */
  initialCamera: () => InitialCamera;
  /** Words for the attribution of a basemap on another origin. */
  externalBasemapText: string;
  pixelRatio: number | undefined;
  /** The map stopped moving: its centre and zoom. */
  onMoveEnd: (camera: [number, number, number]) => void;
  /** A click on the map that did not hit an event point. */
  onMapClick: (map: maplibregl.Map, point: maplibregl.Point) => void;
}

/**
 * The maplibre map and the deck.gl overlay on it: created once per basemap (and per retry),
 * with empty boundary sources that the drill fills level by level (useBoundarySources).
 * Callbacks are read through a ref, so they can change without rebuilding the map.
 */
export function useMapInstance(container: RefObject<HTMLDivElement | null>, options: MapInstanceOptions): MapInstance {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [overlay, setOverlay] = useState<MapboxOverlay | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [idle, setIdle] = useState(false);
  const [zoom, setZoom] = useState(8);
  const [camera, setCamera] = useState<[number, number, number] | null>(null);
  // Without WebGL there is no map, but the rest of the page works: say why, offer a retry.
  const [startFailure, setStartFailure] = useState<MapInstance['startFailure']>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(options);
  latest.current = options;
  const { basemap, pixelRatio } = options;

  useEffect(() => {
    if (!container.current || !basemap) return;
    const { config } = basemap;
    const { initialCamera, externalBasemapText } = latest.current;
    const external = externalBasemapUrls(config, window.location.origin).length > 0;
    const attribution = [basemapAttribution(config), external ? externalBasemapText : undefined].filter((text): text is string => Boolean(text));
    const noWebgl = webglProblem();
    if (noWebgl) { setStartFailure({ reason: 'no-webgl', detail: noWebgl }); return; }
    const camera = initialCamera();
    let created: maplibregl.Map;
    // maplibre throws here when the WebGL context cannot be created after all.
    try { created = new maplibregl.Map({
      container: container.current,
      style: basemap.style,
      ...('bounds' in camera ? { bounds: camera.bounds, fitBoundsOptions: { padding: 32 } } : { center: camera.center, zoom: camera.zoom }),
      attributionControl: attribution.length > 0 ? { compact: false, customAttribution: attribution } : false,
      dragRotate: false,
      pitchWithRotate: false,
      ...(pixelRatio ? { pixelRatio } : {}),
    }); } catch (error) {
      setStartFailure({ reason: 'map-failed', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    created.touchZoomRotate.disableRotation();
    created.keyboard.enable();
    created.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Overlaid, not interleaved: interleaved mode threw with maplibre-gl 6.
    const deckOverlay = new MapboxOverlay({ interleaved: false, layers: [], ...(pixelRatio ? { useDevicePixels: pixelRatio } : {}) });
    created.addControl(deckOverlay);
    created.on('load', () => {
      markOnce(MARKS.mapLoad);
      // Sources start empty and get their file when a drill first needs the level: the
      // community and grid files are most of the boundary bytes and most sessions never open them.
      for (const level of BOUNDARY_LEVELS) {
        if (!created.getSource(level)) created.addSource(level, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      }
      for (const layer of createBoundaryLayers()) created.addLayer(layer);
      setZoom(created.getZoom());
      setLoaded(true);
      // "Drawn" means every boundary source is parsed and rendered, not just the style loaded.
      created.once('idle', () => { markOnce(MARKS.mapIdle); setIdle(true); });
    });
    created.on('zoomend', () => setZoom(created.getZoom()));
    created.on('moveend', (event: { originalEvent?: unknown }) => {
      const center = created.getCenter();
      const rest: [number, number, number] = [center.lng, center.lat, created.getZoom()];
      setCamera(rest);
      // Only a move the user made (drag, wheel, keys, the zoom buttons: they carry the input
      // event) goes into the URL; the page's own fit to a unit does not, so opening "/" does
      // not rewrite the address with a default camera (issue #15 point 11).
      if (event.originalEvent) latest.current.onMoveEnd(rest);
    });
    created.on('click', (event) => {
      // An event point under the cursor wins over the unit below it.
      if (deckOverlay.pickObject({ x: event.point.x, y: event.point.y, radius: 4 })) return;
      latest.current.onMapClick(created, event.point);
    });
    setMap(created);
    setOverlay(deckOverlay);
    return () => { setMap(null); setOverlay(null); setLoaded(false); setIdle(false); created.remove(); };
    // The camera and texts are read once at creation; the map is not rebuilt when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container, basemap, attempt]);

  // A new ratio (the wall's window was resized) applies without rebuilding the map.
  useEffect(() => {
    if (!map || !loaded || !pixelRatio) return;
    if (map.getPixelRatio() !== pixelRatio) map.setPixelRatio(pixelRatio);
    overlay?.setProps({ useDevicePixels: pixelRatio });
  }, [map, overlay, loaded, pixelRatio]);

  return { map, overlay, loaded, idle, zoom, camera, startFailure, retry: () => { setStartFailure(null); setAttempt((n) => n + 1); } };
}
