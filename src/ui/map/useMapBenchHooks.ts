import { useEffect } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { registerMapDriver, registerMapProbe } from '../bench-hook';

/**
 * What `npm run bench` drives the map through (with `?bench`): a probe from lon/lat to
 * screen pixels, and a nudge that moves the map a pixel right, then back, so that every
 * frame re-renders the basemap and the deck layers.
 */
export function useMapBenchHooks(map: maplibregl.Map | null): void {
  useEffect(() => {
    if (!map) return;
    registerMapProbe((lon, lat) => { const p = map.project([lon, lat]); return [p.x, p.y]; });
    registerMapDriver({ nudge: (i) => map.panBy([i % 2 === 0 ? 1 : -1, 0], { duration: 0 }) });
    return () => { registerMapProbe(null); registerMapDriver(null); };
  }, [map]);
}
