import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Bounds } from '../unit-bounds';

const cache = new WeakMap<FeatureCollection, Map<string, Bounds>>();

/** The bounding box of every unit in a boundary collection held in memory (the user's data), computed once per collection. */
export async function boundsOfLevel(load: () => Promise<FeatureCollection>): Promise<Map<string, Bounds>> {
  const collection = await load();
  let bounds = cache.get(collection);
  if (!bounds) {
    bounds = new Map();
    for (const feature of collection.features) bounds.set(String(feature.properties?.code), turf.bbox(feature) as Bounds);
    cache.set(collection, bounds);
  }
  return bounds;
}
