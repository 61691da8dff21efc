import * as maplibregl from 'maplibre-gl';
import { Protocol } from 'pmtiles';

/**
 * Registers the `pmtiles://` protocol with maplibre (once per page), so a style source
 * `{ url: "pmtiles://https://host/tiles/x.pmtiles" }` reads tiles from a PMTiles archive
 * by HTTP range requests. Only called when the configured basemap is a PMTiles archive (or
 * a style that uses one): the default basemap never needs it.
 *
 * pmtiles 4 exposes `protocol.tile`, which accepts both maplibre's v3 callback form and
 * the v4+ promise form `(params, abortController) => Promise<{ data }>` that maplibre 6
 * uses (`AddProtocolAction`); we pass the promise form explicitly.
 */
let registered: Protocol | null = null;

export function registerPmtilesProtocol(): Protocol {
  if (registered) return registered;
  const protocol = new Protocol();
  const load: maplibregl.AddProtocolAction = (params, abortController) =>
    protocol.tile(params, abortController) as ReturnType<maplibregl.AddProtocolAction>;
  maplibregl.addProtocol('pmtiles', load);
  registered = protocol;
  return protocol;
}
