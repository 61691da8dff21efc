import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';

export type Bounds = [number, number, number, number];

const byLevel = new Map<string, Promise<Map<string, Bounds>>>();

/** The bounding box of every unit of a level, from its boundary file (fetched once). */
export function levelBounds(baseUrl: string, level: string): Promise<Map<string, Bounds>> {
  const key = `${baseUrl}|${level}`;
  let pending = byLevel.get(key);
  if (!pending) {
    pending = fetch(`${baseUrl}/boundaries-${level}.geojson`).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load ${baseUrl}/boundaries-${level}.geojson: HTTP ${response.status}`);
      const collection = (await response.json()) as FeatureCollection;
      const bounds = new Map<string, Bounds>();
      for (const feature of collection.features) bounds.set(String(feature.properties?.code), turf.bbox(feature) as Bounds);
      return bounds;
    });
    pending.catch(() => byLevel.delete(key));
    byLevel.set(key, pending);
  }
  return pending;
}

const inMemory = new WeakMap<FeatureCollection, Map<string, Bounds>>();

/** The bounding box of every unit in a boundary collection held in memory (the user's data), computed once per collection. */
export async function boundsOfLevel(load: () => Promise<FeatureCollection>): Promise<Map<string, Bounds>> {
  const collection = await load();
  let bounds = inMemory.get(collection);
  if (!bounds) {
    bounds = new Map();
    for (const feature of collection.features) bounds.set(String(feature.properties?.code), turf.bbox(feature) as Bounds);
    inMemory.set(collection, bounds);
  }
  return bounds;
}
