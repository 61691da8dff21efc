import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { UnitLevel } from '../../domain/units';
import { resolveBoundary } from '../../map/basemap-style';
import type { BoundaryReader } from './boundary-reader';
import type { Basemap } from './useBasemap';

/**
 * Gives each level's boundary source its file the first time the drill shows that level
 * (the unit's own level for its outline, the children's for theirs). A failed read is
 * forgotten, so the next drill tries again, and reported through `onError`.
 */
export function useBoundarySources(map: maplibregl.Map | null, loaded: boolean, basemap: Basemap | null, source: { baseUrl: string; boundaries: BoundaryReader | undefined },
  levels: readonly (UnitLevel | null)[], onError: (error: unknown) => void): void {
  // Per map instance: a new map starts with empty sources.
  const filled = useRef<{ map: maplibregl.Map | null; levels: Set<UnitLevel> }>({ map: null, levels: new Set() });
  const { baseUrl, boundaries } = source;
  const [own, children] = levels;
  useEffect(() => {
    if (!map || !loaded || !basemap) return;
    if (filled.current.map !== map) filled.current = { map, levels: new Set() };
    const done = filled.current.levels;
    for (const level of [own, children]) {
      // The city's outline is part of the basemap style.
      if (!level || level === 'city' || done.has(level)) continue;
      done.add(level);
      (boundaries ? boundaries(level) : resolveBoundary(basemap.config, `${baseUrl}/boundaries-${level}.geojson`, (input, init) => fetch(input, init))).then((data) => {
        if (filled.current.map === map) (map.getSource(level) as maplibregl.GeoJSONSource | undefined)?.setData(data);
      }, (error: unknown) => { done.delete(level); onError(error); });
    }
  }, [map, loaded, basemap, baseUrl, boundaries, own, children, onError]);
}
