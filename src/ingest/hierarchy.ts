import { unitCodeLevel } from '../domain/unit-codes';
import { UNIT_LEVELS, type UnitLevel } from '../domain/units';
import type { BoundaryFeature } from './boundaries';
import { areaKm2, interiorPoint } from './geometry';
import { createPolygonIndex } from './spatial-index';

export type HierarchySource = 'parent_column' | 'code_prefix' | 'containment' | 'single_level';

export interface BoundaryUnit { code: string; name: string; level: UnitLevel; parentCode: string | null; areaKm2: number }

export interface Hierarchy {
  units: BoundaryUnit[];
  /** How parents were found. */
  source: HierarchySource;
  /** Codes of the finest units (no children): events are assigned to these. */
  leafCodes: string[];
}

/**
 * Parents by code prefix, only for numeric codes (GB/T 2260 style, nesting by 2–3 digits
 * per level): sequential ids such as "G1", "G10" would otherwise nest by accident.
 */
function parentsByPrefix(codes: readonly string[]): Map<string, string | null> {
  const set = new Set(codes);
  const parents = new Map<string, string | null>();
  const numeric = codes.every((code) => /^\d+$/.test(code));
  for (const code of codes) {
    let parent: string | null = null;
    // The longest other code that starts this one, at least two digits shorter.
    for (let length = code.length - 2; numeric && length > 0 && parent === null; length--) {
      const prefix = code.slice(0, length);
      if (set.has(prefix)) parent = prefix;
    }
    parents.set(code, parent);
  }
  return parents;
}

function parentsByContainment(features: readonly BoundaryFeature[]): Map<string, string | null> {
  const areas = features.map((f) => areaKm2(f.polygons));
  const index = createPolygonIndex(features);
  const parents = new Map<string, string | null>();
  features.forEach((feature, self) => {
    const [lon, lat] = interiorPoint(feature.polygons);
    let best = -1;
    // The smallest strictly larger unit that contains this unit's interior point.
    for (const other of index.containing(lon, lat)) {
      if (other === self || areas[other]! <= areas[self]! * 1.0001) continue;
      if (best < 0 || areas[other]! < areas[best]!) best = other;
    }
    parents.set(feature.code, best < 0 ? null : features[best]!.code);
  });
  return parents;
}

/**
 * Units with levels and parents from boundaries given as one level or several. Parents
 * come from a parent column when the file has one, else from code prefixes when codes
 * nest, else from spatial containment. Levels come from a level property, else leaves are
 * grids (events are assigned to them), others are named by GB/T 2260 code length or,
 * failing that, by depth (the levels above grid, counted upwards).
 */
export function buildHierarchy(features: readonly BoundaryFeature[]): Hierarchy {
  const codes = features.map((f) => f.code);
  let parents: Map<string, string | null>;
  let source: HierarchySource;
  const known = new Set(codes);
  if (features.some((f) => f.parentCode !== null && known.has(f.parentCode))) {
    parents = new Map(features.map((f) => [f.code, f.parentCode !== null && known.has(f.parentCode) ? f.parentCode : null]));
    source = 'parent_column';
  } else {
    parents = parentsByPrefix(codes);
    source = 'code_prefix';
    if (![...parents.values()].some((p) => p !== null) && features.length > 1) {
      parents = parentsByContainment(features);
      source = [...parents.values()].some((p) => p !== null) ? 'containment' : 'single_level';
    }
  }
  const depth = new Map<string, number>();
  const depthOf = (code: string, seen = new Set<string>()): number => {
    const cached = depth.get(code);
    if (cached !== undefined) return cached;
    const parent = parents.get(code) ?? null;
    // A cycle in a parent column is broken at the first repeat.
    const d = parent === null || seen.has(parent) ? 0 : depthOf(parent, seen.add(code)) + 1;
    depth.set(code, d);
    return d;
  };
  const maxDepth = codes.reduce((max, code) => Math.max(max, depthOf(code)), 0);
  const hasChildren = new Set([...parents.values()].filter((p): p is string => p !== null));
  const levelAt = (d: number): UnitLevel => UNIT_LEVELS[Math.max(0, UNIT_LEVELS.length - 1 - (maxDepth - d))]!;
  const levelOf = (code: string): UnitLevel => {
    // Events are assigned to the leaves, so a leaf is a grid whatever its code looks like.
    if (!hasChildren.has(code) && features.length > 1) return 'grid';
    return unitCodeLevel(code) ?? levelAt(depthOf(code));
  };
  const units = features.map((f) => ({
    code: f.code, name: f.name, level: f.level ?? levelOf(f.code), parentCode: parents.get(f.code) ?? null, areaKm2: areaKm2(f.polygons),
  }));
  return { units, source, leafCodes: codes.filter((code) => !hasChildren.has(code)) };
}
