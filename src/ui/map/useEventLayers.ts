import { useMemo, useRef } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Datum } from '../../map/basemap-config';
import { toDisplayPositions } from '../../map/datum';
import { createEventLayers, hexagonRadiusMeters, pointColors, pointRadii, positionsInWindow, type EventPointColumns } from '../../map/event-layers';
import type { ColorBy } from '../url-state';

export type EventLayerKind = 'points' | 'heatmap' | 'hexagon';

/**
 * The incident layers (points, heatmap or hexagons) of the events in view. Kinds shown once
 * stay created, hidden, so that switching back is instant (each compiles its own shaders,
 * seconds in software WebGL). Playback moves the GPU filter window; nothing is rebuilt.
 */
export function useEventLayers(points: EventPointColumns | null, options: { kind: EventLayerKind | null; colorBy: ColorBy; timeWindow: [number, number]; zoom: number; datum: Datum; onHexagonDomain?: (domain: [number, number]) => void }): Layer[] {
  const { kind, colorBy, timeWindow, zoom, datum, onHexagonDomain } = options;
  const colors = useMemo(() => (points ? pointColors(points, colorBy) : null), [points, colorBy]);
  const radii = useMemo(() => (points ? pointRadii(points) : null), [points]);
  // Events are WGS84; over a GCJ-02 basemap a shifted copy is drawn (row order, and so picking, unchanged).
  const shown = useMemo(() => (points && datum === 'gcj02' ? { ...points, positions: toDisplayPositions(points.positions, datum) } : points), [points, datum]);
  // The hexagons count the playback window's events themselves (see positionsInWindow).
  const hexagonPositions = useMemo(() => (shown && kind === 'hexagon' ? positionsInWindow(shown.positions, shown.tHours, timeWindow) : undefined), [shown, kind, timeWindow]);
  const usedKinds = useRef(new Set<EventLayerKind>());
  if (kind) usedKinds.current.add(kind);
  return useMemo(() => {
    if (!shown || !colors || !radii || !kind) return [];
    const radiusScale = zoom < 9 ? 1 : zoom < 12 ? 2 : 3;
    return createEventLayers(shown, { kind, colors, radii, timeWindow, radiusScale, hexagonRadiusMeters: hexagonRadiusMeters(zoom), hexagonPositions, onHexagonDomain }, usedKinds.current);
  }, [shown, colors, radii, kind, timeWindow, zoom, onHexagonDomain, hexagonPositions]);
}
