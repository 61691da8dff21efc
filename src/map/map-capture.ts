import type { Map as MaplibreMap } from 'maplibre-gl';

/** Photographs the map as it is on screen. */
export type MapCapture = () => Promise<HTMLCanvasElement>;

/**
 * The basemap and the deck.gl overlay composited into one canvas. maplibre clears its
 * WebGL buffer after each frame (preserveDrawingBuffer is off, for speed), so the copy is
 * taken inside the next 'render' event, while the frame is still there; deck.gl keeps
 * its buffer (its default), so its canvas can be read at any time.
 */
export function createMapCapture(map: MaplibreMap, deckCanvas: () => HTMLCanvasElement | null): MapCapture {
  return () => new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const base = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = base.width;
        out.height = base.height;
        const context = out.getContext('2d');
        if (!context) throw new Error('No 2D canvas context for the PNG export');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, out.width, out.height);
        context.drawImage(base, 0, 0);
        const overlay = deckCanvas();
        if (overlay && overlay.width > 0) context.drawImage(overlay, 0, 0, out.width, out.height);
        resolve(out);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    map.triggerRepaint();
  });
}
