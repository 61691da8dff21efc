import { inBothLanguages } from '../i18n';
import { kinks } from '@turf/turf';
import { isUnitLevel, type UnitLevel } from '../domain/units';
import { bboxOfPolygons, ringSignedArea2, type BBox, type PolygonRings, type Ring } from './geometry';
import { normaliseHeader } from './columns';
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
}

/** Property names that hold a boundary's code, name, parent code and level. */
const PROPERTY_NAMES = {
  code: ['code', 'adcode', 'grid_code', 'gridcode', '编码', '网格编码', '区划代码', '行政区划代码', 'id', 'gbcode'],
  name: ['name', '名称', '网格名称', 'grid_name', '区划名称'],
  parent: ['parent_code', 'parent', 'parentcode', '上级编码', '上级代码', '父级编码'],
  level: ['level', '层级', '级别'],
} as const;

const WANTED = {
  code: new Set(PROPERTY_NAMES.code.map(normaliseHeader)),
  name: new Set(PROPERTY_NAMES.name.map(normaliseHeader)),
  parent: new Set(PROPERTY_NAMES.parent.map(normaliseHeader)),
  level: new Set(PROPERTY_NAMES.level.map(normaliseHeader)),
};

function pickProperty(properties: Record<string, unknown>, wanted: ReadonlySet<string>): string | null {
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined || value === '') continue;
    if (wanted.has(normaliseHeader(key))) return String(value).trim();
  }
  return null;
}

type Problem = { rule: Parameters<typeof createIssue>[3]; detail?: { zh: string; en: string } };

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

/** GeoJSON text (FeatureCollection, Feature or bare Polygon/MultiPolygon) → checked boundaries. */
export function parseBoundaryGeoJson(text: string, fileName: string): BoundarySet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { fileName, features: [], issues: [createIssue(fileName, null, null, 'invalid_json', null, { zh: (error as Error).message, en: (error as Error).message })], featureCount: 0, rejectedCount: 0 };
  }
  const root = data as { type?: unknown; features?: unknown };
  let rawFeatures: unknown[];
  if (root && root.type === 'FeatureCollection' && Array.isArray(root.features)) rawFeatures = root.features;
  else if (root && root.type === 'Feature') rawFeatures = [root];
  else if (root && (root.type === 'Polygon' || root.type === 'MultiPolygon' || root.type === 'GeometryCollection')) rawFeatures = [{ type: 'Feature', geometry: root, properties: {} }];
  else return { fileName, features: [], issues: [createIssue(fileName, null, null, 'unsupported_json', null, { zh: `type = ${JSON.stringify(root?.type ?? null)}`, en: `type = ${JSON.stringify(root?.type ?? null)}` })], featureCount: 0, rejectedCount: 0 };
  return checkFeatures(rawFeatures, fileName);
}

/** Checks GeoJSON-like features (also what the shapefile reader produces). */
export function checkFeatures(rawFeatures: readonly unknown[], fileName: string): BoundarySet {
  const issues: Issue[] = [];
  const features: BoundaryFeature[] = [];
  const codes = new Set<string>();
  let rejectedCount = 0;
  rawFeatures.forEach((raw, index) => {
    const row = index + 1;
    const feature = (typeof raw === 'object' && raw !== null ? raw : {}) as { geometry?: unknown; properties?: unknown };
    const properties = (typeof feature.properties === 'object' && feature.properties !== null ? feature.properties : {}) as Record<string, unknown>;
    const code = pickProperty(properties, WANTED.code);
    const reject = (problem: Problem, column: string | null = null, value: string | null = null): void => {
      issues.push(createIssue(fileName, row, column, problem.rule, value ?? code, problem.detail));
      rejectedCount++;
    };
    const read = readGeometry(feature.geometry ?? null);
    if ('rule' in read) return reject(read, 'geometry');
    if (code === null) return reject({ rule: 'code_missing' }, 'code');
    if (codes.has(code)) return reject({ rule: 'code_duplicate' }, 'code');
    codes.add(code);
    if (read.rewound) issues.push(createIssue(fileName, row, 'geometry', 'winding_fixed', code));
    if (read.flattened) issues.push(createIssue(fileName, row, 'geometry', 'coordinates_3d', code));
    const level = pickProperty(properties, WANTED.level);
    features.push({
      code,
      name: pickProperty(properties, WANTED.name) ?? code,
      level: level !== null && isUnitLevel(level) ? level : null,
      parentCode: pickProperty(properties, WANTED.parent),
      polygons: read.polygons,
      bbox: bboxOfPolygons(read.polygons),
      featureNumber: row,
    });
  });
  return { fileName, features, issues, featureCount: rawFeatures.length, rejectedCount };
}
