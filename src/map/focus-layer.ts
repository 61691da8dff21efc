import { ScatterplotLayer } from '@deck.gl/layers';

/** The event whose detail is open, where the map shows it (display datum). */
export interface FocusPoint { id: string; lon: number; lat: number }

/**
 * The ring around the open event: a wide white ring under a narrower dark-red one, so that
 * it reads on pale basemap, dark hexagons and the heat alike. Hollow, so the event's own
 * point (its colour says category, status or severity) stays visible inside it.
 */
export function createFocusLayer(focus: FocusPoint): ScatterplotLayer<FocusPoint> {
  return new ScatterplotLayer<FocusPoint>({
    id: 'event-focus',
    data: [focus, focus],
    getPosition: (d) => [d.lon, d.lat],
    radiusUnits: 'pixels', getRadius: 13,
    stroked: true, filled: false, lineWidthUnits: 'pixels',
    // Drawn in order: the first copy is the white outer ring, the second the red one on it.
    getLineWidth: (_d, { index }) => (index === 0 ? 7 : 3),
    getLineColor: (_d, { index }) => (index === 0 ? [255, 255, 255, 235] : [200, 20, 30, 255]),
    pickable: false,
  });
}
