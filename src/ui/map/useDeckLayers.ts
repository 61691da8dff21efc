import { useCallback, useEffect, useRef, useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { MARKS, markOnce } from '../bench-hook';

export interface DeckLayersState {
  /**
   * What is on screen is what the page asked for: the map is ready, no input is still
   * loading, deck.gl has rendered a frame holding the current layers, and the basemap went
   * idle after its last change (drill, choropleth). Set as `data-layer-drawn` on the map, for
   * tests and screenshots to wait on instead of sleeping.
   */
  drawn: boolean;
  /** Call after changing the basemap's layers or paint: "drawn" then waits for the map to repaint and go idle. */
  basemapChanged: () => void;
}

/**
 * Hands the deck.gl overlay its layers and the click on an event, and follows what has
 * been drawn. deck.gl does not redraw without a change, so the frame holding the layers may
 * come before or after the map is ready: both orders are handled.
 */
export function useDeckLayers(map: maplibregl.Map | null, overlay: MapboxOverlay | null, layers: Layer[], options: { ready: boolean; pending: boolean; onPick: (info: PickingInfo) => void }): DeckLayersState {
  const { ready, pending, onPick } = options;
  const [framed, setFramed] = useState<Layer[] | null>(null);
  const framedRef = useRef<Layer[] | null>(null);
  const readyRef = useRef(ready);
  readyRef.current = ready;

  useEffect(() => {
    if (!overlay) return;
    overlay.setProps({
      layers,
      onAfterRender: () => {
        // Every frame calls this (playback animates); state changes only with the layers.
        if (framedRef.current !== layers) { framedRef.current = layers; setFramed(layers); }
        if (readyRef.current) markOnce(MARKS.mapReady);
      },
      onClick: onPick,
    });
  }, [overlay, layers, onPick]);
  useEffect(() => {
    if (ready && framedRef.current === layers) markOnce(MARKS.mapReady);
  }, [ready, layers]);

  // Basemap changes are counted; "settled" is the count at the last idle after one.
  const changeCount = useRef(0);
  const [changes, setChanges] = useState(0);
  const [settled, setSettled] = useState(0);
  const basemapChanged = useCallback(() => {
    if (!map) return;
    const change = ++changeCount.current;
    setChanges(change);
    map.once('idle', () => setSettled((done) => Math.max(done, change)));
    // A change that looks the same would not repaint, and so never go idle again.
    map.triggerRepaint();
  }, [map]);

  return { drawn: ready && !pending && framed === layers && settled >= changes, basemapChanged };
}
