import { useEffect, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import { rowsOf } from '../engine/columns';
import { createOfflineStyle } from '../map/basemap-style';
import { createEventPointsLayer, toEventPointColumns } from '../map/event-points';
import { createUnitLabelsLayer, type UnitLabel } from '../map/unit-labels';
import { eventPoints } from '../sql/points';
import { format } from '../i18n';
import { useDataset } from './DatasetContext';
import { useMessages } from './LanguageContext';
import { useQuery } from './useQuery';
import { Legend } from './Legend';
import { MARKS, markOnce } from './bench-hook';

maplibregl.setWorkerUrl(workerUrl);

const POINT_DAYS = 30;
const LABEL_SQL = "SELECT code, name, level, label_lon AS lon, label_lat AS lat FROM units WHERE level IN ('county', 'township') ORDER BY code";
const BOUNDS_SQL = 'SELECT min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north FROM events';

type LevelLabel = UnitLabel & { level: string };

/** The one map: offline basemap with the city's boundaries, event points and unit labels. */
export function MapView() {
  const { asOf, baseUrl } = useDataset();
  const { t } = useMessages();
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay | null>(null);
  const [zoom, setZoom] = useState(8);
  const [mapReady, setMapReady] = useState(false);
  const points = useQuery(eventPoints(asOf, POINT_DAYS), toEventPointColumns);
  const labels = useQuery(LABEL_SQL, (table) => rowsOf(table) as unknown as LevelLabel[]);
  const bounds = useQuery(BOUNDS_SQL, (table) => rowsOf(table)[0] as { west: number; south: number; east: number; north: number } | undefined);

  useEffect(() => {
    if (!container.current || !bounds.data) return;
    const { west, south, east, north } = bounds.data;
    const map = new maplibregl.Map({
      container: container.current,
      style: createOfflineStyle({ city: `${baseUrl}/boundaries-city.geojson`, county: `${baseUrl}/boundaries-county.geojson`, township: `${baseUrl}/boundaries-township.geojson` }),
      bounds: [west, south, east, north],
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Overlaid, not interleaved: interleaved mode threw with maplibre-gl 6 (DESIGN.md §6).
    const deckOverlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(deckOverlay);
    overlay.current = deckOverlay;
    map.on('zoomend', () => setZoom(map.getZoom()));
    map.on('load', () => { setZoom(map.getZoom()); setMapReady(true); });
    return () => { overlay.current = null; setMapReady(false); map.remove(); };
  }, [baseUrl, bounds.data]);

  const layers = useMemo(() => {
    const result: Layer[] = [];
    if (points.data) result.push(createEventPointsLayer(points.data, { visible: true, radiusScale: zoom < 9 ? 1 : 2 }));
    if (labels.data) {
      result.push(createUnitLabelsLayer('township-labels', labels.data.filter((l) => l.level === 'township'), { visible: zoom >= 9.5, size: 13, color: [60, 70, 80, 255] }));
      result.push(createUnitLabelsLayer('county-labels', labels.data.filter((l) => l.level === 'county'), { visible: zoom < 10.5, size: 18, color: [20, 40, 60, 255] }));
    }
    return result;
  }, [points.data, labels.data, zoom]);

  const ready = mapReady && points.data !== null && labels.data !== null;
  useEffect(() => {
    const deckOverlay = overlay.current;
    if (!deckOverlay) return;
    // The map counts as drawn after the first deck.gl frame that holds the event points.
    deckOverlay.setProps({ layers, onAfterRender: ready ? () => markOnce(MARKS.mapReady) : () => undefined });
  }, [layers, mapReady, ready]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" data-ready={ready ? 'true' : 'false'} data-point-count={points.data?.length ?? ''} />
      <Legend />
      <div className="map-status">{points.data ? format(t.eventsShown, { days: POINT_DAYS, count: points.data.length.toLocaleString() }) : t.loading}</div>
      <div className="map-attribution">{t.attribution}</div>
    </div>
  );
}
