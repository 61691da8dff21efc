import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Datum } from '../../map/basemap-config';
import { toDisplayDatum } from '../../map/datum';
import type { UnitEntry } from '../units-directory';
import { unitBoundsOfLevel, type BoundaryReader } from './boundary-reader';

/**
 * The camera follows the drill: drilling fits the map to the unit's outline. A camera from
 * a shared link wins on the first load (the map was created at it), and under
 * prefers-reduced-motion the map jumps instead of flying.
 */
export function useFitToUnit(map: maplibregl.Map | null, loaded: boolean, unit: UnitEntry, options: {
  source: { baseUrl: string; boundaries: BoundaryReader | undefined };
  datum: Datum;
  hasLinkCamera: boolean;
  durationMs: number;
}): void {
  const { source: { baseUrl, boundaries }, datum, hasLinkCamera, durationMs } = options;
  const fittedUnit = useRef<string | null>(null);
  const linkCamera = useRef(hasLinkCamera);
  useEffect(() => {
    if (!map || !loaded || fittedUnit.current === unit.code) return;
    const first = fittedUnit.current === null;
    fittedUnit.current = unit.code;
    if (first && linkCamera.current) return;
    let current = true;
    unitBoundsOfLevel(baseUrl, boundaries, unit.level).then((bounds) => {
      const box = bounds.get(unit.code);
      if (!current || !box) return;
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      map.fitBounds([...toDisplayDatum(box[0], box[1], datum), ...toDisplayDatum(box[2], box[3], datum)] as [number, number, number, number], { padding: 32, duration: reduced ? 0 : durationMs });
    }, () => undefined);
    return () => { current = false; };
  }, [map, loaded, unit, baseUrl, boundaries, datum, durationMs]);
}
