import { readBoundaryGeoJson, type BoundarySet, type CheckedBoundaryFile } from './boundaries';
import { keyBoundaries } from './boundary-keys';
import type { BoundaryMapping } from './boundary-mapping';
import { decodeText } from './decode';
import { buildHierarchy, type Hierarchy } from './hierarchy';
import { readShapefileZip } from './shapefile';
import { createPolygonIndex, type IndexedPolygon, type PolygonIndex } from './spatial-index';

/** A boundary file: a zip (by its "PK" signature) is read as a shapefile, anything else as GeoJSON text. */
export async function readBoundaryFeatures(bytes: Uint8Array, fileName: string): Promise<CheckedBoundaryFile> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readShapefileZip(bytes, fileName);
  return readBoundaryGeoJson(decodeText(bytes).text, fileName);
}

/** A boundary file read and keyed by the mapping (by default the one suggested from its properties). */
export async function readBoundaryFile(bytes: Uint8Array, fileName: string, mapping?: BoundaryMapping): Promise<BoundarySet> {
  return keyBoundaries(await readBoundaryFeatures(bytes, fileName), mapping);
}

/** A zipped shapefile read and keyed (the mapping's default is the suggestion). */
export async function parseShapefileZip(bytes: Uint8Array, fileName: string, mapping?: BoundaryMapping): Promise<BoundarySet> {
  return keyBoundaries(await readShapefileZip(bytes, fileName), mapping);
}

export interface BoundaryModel {
  hierarchy: Hierarchy;
  /** Index over the finest units (the grids), for validation and assignment. */
  index: PolygonIndex;
  /** The same polygons as plain data, to send to the assignment worker. */
  leaves: IndexedPolygon[];
  gridCodes: ReadonlySet<string>;
}

/** Boundaries from one or more files → hierarchy and the spatial index of their grids. */
export function createBoundaryModel(sets: readonly BoundarySet[]): BoundaryModel {
  const features = sets.flatMap((set) => set.features);
  const hierarchy = buildHierarchy(features);
  const leafCodes = new Set(hierarchy.leafCodes);
  const leaves = features.filter((f) => leafCodes.has(f.code)).map((f) => ({ code: f.code, polygons: f.polygons, bbox: f.bbox }));
  return { hierarchy, index: createPolygonIndex(leaves), leaves, gridCodes: leafCodes };
}
