import type { MapCapture } from '../../map/map-capture';

type Capture = MapCapture;
let capture: Capture | null = null;

/**
 * The map registers how to photograph itself; the "export PNG" control asks for it. A
 * registry, because the control and the map are in different panels; the dashboard hands
 * `registerMapCapture` to the map as its `onCapture`.
 */
export function registerMapCapture(next: Capture | null): () => void {
  capture = next;
  return () => { if (capture === next) capture = null; };
}

export function captureMap(): Promise<HTMLCanvasElement> {
  if (!capture) return Promise.reject(new Error('The map is not ready yet'));
  return capture();
}
