import { useEffect } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { registerFillProbe, registerMapDriver, registerMapProbe } from '../bench-hook';

/**
 * What `npm run bench` and the browser tests read the map through (with `?bench`): a probe from lon/lat to
 * screen pixels, and a nudge that moves the map a pixel right, then back, so that every
 * frame re-renders the basemap and the deck layers; and the unit fill (code, colour) at a lon/lat.
 */
export function useMapBenchHooks(map: maplibregl.Map | null): void {
  useEffect(() => {
    if (!map) return;
    registerMapProbe((lon, lat) => { const p = map.project([lon, lat]); return [p.x, p.y]; });
    registerMapDriver({ nudge: (i) => map.panBy([i % 2 === 0 ? 1 : -1, 0], { duration: 0 }) });
    registerFillProbe((lon, lat) => {
      const fills = map.getLayersOrder().filter((id) => id.endsWith('-fill') && map.getLayoutProperty(id, 'visibility') !== 'none');
      const feature = map.queryRenderedFeatures(map.project([lon, lat]), { layers: fills })[0];
      // maplibre evaluates the layer's paint for the feature it returns: the colour it drew.
      const color = feature?.layer.paint?.['fill-color' as keyof typeof feature.layer.paint] as { toString(): string } | undefined;
      return feature && typeof feature.properties.code === 'string' && color ? { code: feature.properties.code, color: color.toString() } : null;
    });
    return () => { registerMapProbe(null); registerMapDriver(null); registerFillProbe(null); };
  }, [map]);
}
