import { inBothLanguages } from '../i18n';
import { kinks } from '@turf/turf';
import type { UnitLevel } from '../domain/units';
import type { BoundaryMapping } from './boundary-mapping';
import { featureProperties, summariseProperties, type PropertySummary } from './boundary-properties';
import { bboxOfPolygons, ringSignedArea2, type BBox, type PolygonRings, type Ring } from './geometry';
import { createIssue, type Issue } from './rules';

/** One boundary read from a user's file: WGS84 polygons, RFC 7946 winding, 2D. */
export interface BoundaryFeature {
  code: string;
  name: string;
  /** From a level property when the file has one; otherwise set by the hierarchy step. */
  level: UnitLevel | null;
  parentCode: string | null;
  polygons: PolygonRings[];
  bbox: BBox;
  /** Position of the feature in the file, 1-based (the "row" of its issues). */
  featureNumber: number;
}

export interface BoundarySet {
  fileName: string;
  features: BoundaryFeature[];
  /** Rejected features (with their reasons) and repairs made (winding, 3D). */
  issues: Issue[];
  /** Features in the file, so that accepted + rejected can be checked. */
  featureCount: number;
  rejectedCount: number;
  /** How the features were keyed (the suggestion unless the user chose otherwise). */
  mapping: BoundaryMapping;
  /** The file's properties, for the mapping step. */
  properties: PropertySummary[];
  /** The features as read, geometry checked, so that another mapping re-keys them without reading the file again. */
  source: CheckedBoundaryFile;
}

/** A feature whose geometry has been checked (and repaired where safe) but which has no code yet. */
export interface CheckedFeature {
  /** Position in the file, 1-based. */
  row: number;
  properties: Record<string, unknown>;
  geometry: CheckedGeometry | Problem;
}

export interface CheckedGeometry { polygons: PolygonRings[]; bbox: BBox; rewound: boolean; flattened: boolean }

/** A boundary file read and geometry-checked: everything but the keying (boundary-keys.ts). */
export interface CheckedBoundaryFile {
  fileName: string;
  features: CheckedFeature[];
  /** Problems with the file as a whole (not JSON, unreadable zip). */
  fileIssues: Issue[];
  /** Shapefile outer rings are clockwise by specification: rewinding them is routine, not a finding. */
  windingIsRoutine: boolean;
  properties: PropertySummary[];
}

export type Problem = { rule: Parameters<typeof createIssue>[3]; detail?: { zh: string; en: string } };

function isPosition(value: unknown): value is number[] {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** A ring checked and made 2D; returns a problem instead when it cannot be used. */
function readRing(raw: unknown, flattened: { value: boolean }): Ring | Problem {
  if (!Array.isArray(raw) || raw.length === 0) return { rule: 'geometry_empty' };
  const ring: Ring = [];
  for (const position of raw) {
    if (!isPosition(position)) return { rule: 'geometry_invalid_coordinates', detail: { zh: JSON.stringify(position)?.slice(0, 40) ?? '', en: JSON.stringify(position)?.slice(0, 40) ?? '' } };
    if (position.length > 2) flattened.value = true;
    const [lon, lat] = position as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return { rule: 'geometry_invalid_coordinates', detail: { zh: `${lon}, ${lat}`, en: `${lon}, ${lat}` } };
    ring.push([lon, lat]);
  }
  if (ring.length < 4) return { rule: 'ring_too_short', detail: inBothLanguages((m) => m.data.details.ringPositions, { count: ring.length }) };
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return { rule: 'ring_unclosed' };
  return ring;
}

/** Polygons of a geometry, repaired where safe (winding, 3D) and checked where not (closure, kinks). */
function readGeometry(geometry: unknown): { polygons: PolygonRings[]; rewound: boolean; flattened: boolean } | Problem {
  if (typeof geometry !== 'object' || geometry === null) return { rule: 'geometry_empty' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'GeometryCollection') return { rule: 'geometry_collection' };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return { rule: 'geometry_unsupported', detail: { zh: String(type), en: String(type) } };
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { rule: 'geometry_empty' };
  const rawPolygons = type === 'Polygon' ? [coordinates] : coordinates;
  const flattened = { value: false };
  let rewound = false;
  const polygons: PolygonRings[] = [];
  for (const rawPolygon of rawPolygons) {
    if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) return { rule: 'geometry_empty' };
    const polygon: PolygonRings = [];
    for (const [index, rawRing] of rawPolygon.entries()) {
      const ring = readRing(rawRing, flattened);
      if (!Array.isArray(ring)) return ring;
      // RFC 7946: exterior rings counter-clockwise, holes clockwise.
      const counterClockwise = ringSignedArea2(ring) > 0;
      if ((index === 0) !== counterClockwise) { ring.reverse(); rewound = true; }
      polygon.push(ring);
    }
    // One part at a time: parts of a multipolygon may touch each other at a vertex.
    const found = kinks({ type: 'Polygon', coordinates: polygon });
    if (found.features.length > 0) {
      const at = found.features[0]!.geometry.coordinates;
      const where = `${at[0]?.toFixed(6)}, ${at[1]?.toFixed(6)}`;
      return { rule: 'self_intersection', detail: inBothLanguages((m) => m.data.details.crossingAt, { where }) };
    }
    polygons.push(polygon);
  }
  return { polygons, rewound, flattened: flattened.value };
}

/** Features of GeoJSON-like objects (also what the shapefile reader produces) with their geometry checked. */
export function checkGeometries(rawFeatures: readonly unknown[], fileName: string, windingIsRoutine = false): CheckedBoundaryFile {
  const features = rawFeatures.map((raw, index): CheckedFeature => {
    const geometry = (typeof raw === 'object' && raw !== null ? (raw as { geometry?: unknown }).geometry : null) ?? null;
    const read = readGeometry(geometry);
    return { row: index + 1, properties: featureProperties(raw), geometry: 'rule' in read ? read : { ...read, bbox: bboxOfPolygons(read.polygons) } };
  });
  return { fileName, features, fileIssues: [], windingIsRoutine, properties: summariseProperties(features.map((f) => f.properties)) };
}

/** A file that could not be read at all: no features, one file-level issue. */
export function unreadableBoundaryFile(fileName: string, issue: Issue): CheckedBoundaryFile {
  return { fileName, features: [], fileIssues: [issue], windingIsRoutine: false, properties: [] };
}

/** GeoJSON text (FeatureCollection, Feature or bare Polygon/MultiPolygon) → features with checked geometry. */
export function readBoundaryGeoJson(text: string, fileName: string): CheckedBoundaryFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return unreadableBoundaryFile(fileName, createIssue(fileName, null, null, 'invalid_json', null, { zh: (error as Error).message, en: (error as Error).message }));
  }
  const root = data as { type?: unknown; features?: unknown };
  let rawFeatures: unknown[];
  if (root && root.type === 'FeatureCollection' && Array.isArray(root.features)) rawFeatures = root.features;
  else if (root && root.type === 'Feature') rawFeatures = [root];
  else if (root && (root.type === 'Polygon' || root.type === 'MultiPolygon' || root.type === 'GeometryCollection')) rawFeatures = [{ type: 'Feature', geometry: root, properties: {} }];
  else return unreadableBoundaryFile(fileName, createIssue(fileName, null, null, 'unsupported_json', null, { zh: `type = ${JSON.stringify(root?.type ?? null)}`, en: `type = ${JSON.stringify(root?.type ?? null)}` }));
  return checkGeometries(rawFeatures, fileName);
}
