import { useCallback, useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { basemapDatum, DEFAULT_BASEMAP, type BasemapConfig, type Datum } from '../../map/basemap-config';
import { createOfflineStyle, loadBasemapConfig, loadStyle } from '../../map/basemap-style';
import { registerPmtilesProtocol } from '../../map/pmtiles-protocol';
import type { BoundaryReader } from './boundary-reader';

export interface Basemap { config: BasemapConfig; style: StyleSpecification }

export interface BasemapState {
  basemap: Basemap | null;
  /** The datum the data must be drawn in over this basemap (WGS84 until it is known). */
  datum: Datum;
  error: string | null;
  /** Report a failure of a later boundary read, shown in place of the map like the basemap's own. */
  fail: (error: unknown) => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The basemap: from public/onemap.config.json, or without one the offline style drawn from
 * the city's own boundaries (docs/basemap.md). For the user's data (boundaries held in
 * memory) always the offline style: a configured basemap was set up for the demo city's
 * area and datum.
 */
export function useBasemap(baseUrl: string, boundaries: BoundaryReader | undefined): BasemapState {
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const urls = { city: `${baseUrl}/boundaries-city.geojson`, county: `${baseUrl}/boundaries-county.geojson`, township: `${baseUrl}/boundaries-township.geojson` };
    (async () => {
      if (boundaries) {
        const [city, county, township] = await Promise.all([boundaries('city'), boundaries('county'), boundaries('township')]);
        if (live) setBasemap({ config: DEFAULT_BASEMAP, style: createOfflineStyle({ city, county, township }) });
        return;
      }
      const config = await loadBasemapConfig(`${import.meta.env.BASE_URL}onemap.config.json`, (input, init) => fetch(input, init));
      if (config.type === 'pmtiles' || config.type === 'style') registerPmtilesProtocol();
      const style = await loadStyle(config, urls, (input, init) => fetch(input, init));
      if (live) setBasemap({ config, style });
    })().catch((failure: unknown) => { if (live) setError(message(failure)); });
    return () => { live = false; };
  }, [baseUrl, boundaries]);
  const fail = useCallback((failure: unknown) => setError(message(failure)), []);
  return { basemap, datum: basemap ? basemapDatum(basemap.config) : 'wgs84', error, fail };
}
