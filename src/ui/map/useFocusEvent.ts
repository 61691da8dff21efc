import { useEffect, useMemo, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';
import { createFocusLayer, type FocusPoint } from '../../map/focus-layer';

/** Close enough to tell the event's street and its neighbours apart. */
export const FOCUS_ZOOM = 14;

/**
 * An opened event is found on the map: the camera flies to it once per event opened (a
 * jump under prefers-reduced-motion) and a ring marks it for as long as its detail is open.
 * Zooming out first is left to the user: an already closer camera is kept.
 */
export function useFocusEvent(map: maplibregl.Map | null, loaded: boolean, focus: FocusPoint | null, durationMs: number): Layer | null {
  const flownTo = useRef<string | null>(null);
  useEffect(() => {
    if (!focus) { flownTo.current = null; return; }
    if (!map || !loaded || flownTo.current === focus.id) return;
    flownTo.current = focus.id;
    const target = { center: [focus.lon, focus.lat] as [number, number], zoom: Math.max(FOCUS_ZOOM, map.getZoom()) };
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (reduced || durationMs === 0) map.jumpTo(target);
    else map.flyTo({ ...target, duration: durationMs });
  }, [map, loaded, focus, durationMs]);
  return useMemo(() => (focus ? createFocusLayer(focus) : null), [focus]);
}
