import type { FeatureCollection } from 'geojson';
import type { UnitLevel } from '../../domain/units';
import { boundsOfLevel, levelBounds, type Bounds } from '../../map/unit-bounds';

/** The boundaries of a level held in memory (the user's data); the demo's are files under the dataset's URL instead. */
export type BoundaryReader = (level: UnitLevel) => Promise<FeatureCollection>;

/** The bounding box of every unit of a level, from memory or from the level's file. */
export function unitBoundsOfLevel(baseUrl: string, boundaries: BoundaryReader | undefined, level: UnitLevel): Promise<Map<string, Bounds>> {
  return boundaries ? boundsOfLevel(() => boundaries(level)) : levelBounds(baseUrl, level);
}
