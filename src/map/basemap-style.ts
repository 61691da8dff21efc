import type { StyleSpecification } from 'maplibre-gl';

/**
 * The default basemap: a plain background and the city's own boundaries, with no tile,
 * glyph or sprite source, so it makes no request beyond the page's origin.
 */
export function createOfflineStyle(boundaryUrls: { city: string; county: string; township: string }): StyleSpecification {
  return {
    version: 8,
    name: 'OneMap offline',
    sources: {
      city: { type: 'geojson', data: boundaryUrls.city },
      county: { type: 'geojson', data: boundaryUrls.county },
      township: { type: 'geojson', data: boundaryUrls.township },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } },
      { id: 'city-fill', type: 'fill', source: 'city', paint: { 'fill-color': '#fbfcfd' } },
      { id: 'township-line', type: 'line', source: 'township', minzoom: 8.5, paint: { 'line-color': '#b8c4cf', 'line-width': 0.6 } },
      { id: 'county-line', type: 'line', source: 'county', paint: { 'line-color': '#5b7083', 'line-width': 1.4 } },
      { id: 'city-line', type: 'line', source: 'city', paint: { 'line-color': '#1f3b57', 'line-width': 2.4 } },
    ],
  };
}
