import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { UNIT_LEVELS, type UnitLevel } from '../domain/units';
import type { BoundaryFeature, BoundaryModel } from './index';
import { interiorPoint } from './geometry';

/**
 * The user's units recoded into the app's GB/T 2260-shaped code scheme. Every SQL builder
 * finds a unit's events by code prefix (src/sql/filter.ts: 6 digits a city or county, then
 * 3 digits per level), so codes such as "G12" or "BK-03" would match nothing. Each unit gets
 * a code by its position in the tree (root 990000, its children 99NNNN, then 3 digits per
 * level); the user's own code is kept in `units.source_code` and in the boundary properties.
 */
export const USER_ROOT_CODE = '990000';

export interface UserUnitRow {
  code: string; name: string; level: UnitLevel; parent_code: string | null;
  population: number | null; households: number | null; area_km2: number | null; grid_workers: number | null;
  kind: string | null; label_lon: number; label_lat: number; source_code: string | null;
}

export interface UserUnits {
  rows: UserUnitRow[];
  /** The user's code → the app's code. */
  codeOf: ReadonlyMap<string, string>;
  boundaries: Partial<Record<UnitLevel, FeatureCollection>>;
}

type Geometry = Polygon | MultiPolygon;

function geometryOf(feature: BoundaryFeature): Geometry {
  return feature.polygons.length === 1 ? { type: 'Polygon', coordinates: feature.polygons[0]! } : { type: 'MultiPolygon', coordinates: feature.polygons };
}

/** Child codes: counties take four digits after "99" (skipping those ending in 00, which read as a city), deeper levels three. */
function childCode(parent: string, depth: number, index: number): string {
  if (depth === 1) {
    // 1 → 0001, …, 99 → 0099, 100 is skipped (990100 would read as a city code), …
    const n = index + 1 + Math.floor(index / 99);
    if (n > 9999) throw new Error('Too many units directly under the top unit (at most 9,900)');
    return `99${String(n).padStart(4, '0')}`;
  }
  if (index >= 999) throw new Error(`Too many units under one unit (at most 999 at each level below the first): ${parent}`);
  return `${parent}${String(index + 1).padStart(3, '0')}`;
}

/**
 * Units, codes and per-level GeoJSON from the loaded boundaries (tree from the ingest
 * hierarchy; levels by depth, the top as the city). Several top units get a common root
 * named `rootName`; a tree deeper than the five levels throws.
 */
export function createUserUnits(model: BoundaryModel, features: readonly BoundaryFeature[], rootName: string): UserUnits {
  const byCode = new Map(features.map((f) => [f.code, f]));
  const units = model.hierarchy.units;
  const children = new Map<string | null, string[]>();
  for (const unit of units) {
    const parent = unit.parentCode !== null && byCode.has(unit.parentCode) ? unit.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), unit.code]);
  }
  const areaOf = new Map(units.map((u) => [u.code, u.areaKm2]));
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  const rows: UserUnitRow[] = [];
  const codeOf = new Map<string, string>();
  const boundaries: Partial<Record<UnitLevel, FeatureCollection>> = {};
  const addFeature = (level: UnitLevel, feature: Feature) => { (boundaries[level] ??= { type: 'FeatureCollection', features: [] }).features.push(feature); };

  const tops = children.get(null) ?? [];
  const visit = (userCode: string, code: string, parent: string | null, depth: number) => {
    const level = UNIT_LEVELS[depth];
    if (level === undefined) throw new Error(`The boundaries nest more than ${UNIT_LEVELS.length} levels deep (at ${userCode})`);
    const feature = byCode.get(userCode)!;
    const [lon, lat] = interiorPoint(feature.polygons);
    codeOf.set(userCode, code);
    const name = nameOf.get(userCode) ?? userCode;
    rows.push({ code, name, level, parent_code: parent, population: null, households: null, area_km2: areaOf.get(userCode) ?? null, grid_workers: null, kind: null, label_lon: lon, label_lat: lat, source_code: userCode });
    addFeature(level, { type: 'Feature', geometry: geometryOf(feature), properties: { code, name, level, parent_code: parent, source_code: userCode } });
    (children.get(userCode) ?? []).forEach((child, i) => visit(child, childCode(code, depth + 1, i), code, depth + 1));
  };
  if (tops.length === 1) visit(tops[0]!, USER_ROOT_CODE, null, 0);
  else {
    // Several tops: a common root whose outline is all of theirs.
    const polygons = tops.flatMap((code) => byCode.get(code)!.polygons);
    const [lon, lat] = interiorPoint(polygons);
    rows.push({ code: USER_ROOT_CODE, name: rootName, level: 'city', parent_code: null, population: null, households: null, area_km2: tops.reduce((sum, c) => sum + (areaOf.get(c) ?? 0), 0), grid_workers: null, kind: null, label_lon: lon, label_lat: lat, source_code: null });
    addFeature('city', { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: polygons }, properties: { code: USER_ROOT_CODE, name: rootName, level: 'city', parent_code: null } });
    tops.forEach((top, i) => visit(top, childCode(USER_ROOT_CODE, 1, i), USER_ROOT_CODE, 1));
  }
  return { rows, codeOf, boundaries };
}

/**
 * Without boundaries the dataset has one unit, the whole area, outlined by the box around
 * the accepted points so that the map can frame it.
 */
export function createSingleUnit(lon: Float64Array, lat: Float64Array, rootName: string): UserUnits {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i]!, y = lat[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    minLon = Math.min(minLon, x); maxLon = Math.max(maxLon, x); minLat = Math.min(minLat, y); maxLat = Math.max(maxLat, y);
  }
  if (!Number.isFinite(minLon)) { minLon = 119.5; maxLon = 119.7; minLat = 28.1; maxLat = 28.3; }
  // A margin so the outermost points are not on the outline.
  const padLon = Math.max(0.005, (maxLon - minLon) * 0.03), padLat = Math.max(0.005, (maxLat - minLat) * 0.03);
  const ring: [number, number][] = [[minLon - padLon, minLat - padLat], [maxLon + padLon, minLat - padLat], [maxLon + padLon, maxLat + padLat], [minLon - padLon, maxLat + padLat], [minLon - padLon, minLat - padLat]];
  const row: UserUnitRow = { code: USER_ROOT_CODE, name: rootName, level: 'city', parent_code: null, population: null, households: null, area_km2: null, grid_workers: null, kind: null, label_lon: (minLon + maxLon) / 2, label_lat: (minLat + maxLat) / 2, source_code: null };
  return {
    rows: [row], codeOf: new Map(),
    boundaries: { city: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code: USER_ROOT_CODE, name: rootName, level: 'city', parent_code: null } }] } },
  };
}

/** The events' grid codes in the app's codes: a user code through the table, anything else (no grid, unknown code) the root. */
export function recodeGrids(gridCodes: readonly (string | null)[], codeOf: ReadonlyMap<string, string>): string[] {
  return gridCodes.map((code) => (code !== null ? codeOf.get(code) : undefined) ?? USER_ROOT_CODE);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const USER_UNIT_COLUMNS = ['code', 'name', 'level', 'parent_code', 'population', 'households', 'area_km2', 'grid_workers', 'kind', 'label_lon', 'label_lat', 'source_code'] as const;

/** The units as CSV for `read_csv` (names from files are quoted data, never SQL). */
export function userUnitsCsv(rows: readonly UserUnitRow[]): string {
  const lines = [USER_UNIT_COLUMNS.join(',')];
  for (const row of rows) lines.push(USER_UNIT_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
