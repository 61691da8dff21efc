import { normaliseHeader } from './columns';
import type { PropertySummary } from './boundary-properties';

/**
 * Where a boundary's code comes from. Codes key the units: events name their grid by it and
 * parents point at it. A file without a usable code property can still be keyed by its
 * names or by the order of its features, with a warning (docs/ingest.md, "Boundary mapping").
 */
export type BoundaryCodeSource = { by: 'property'; property: string } | { by: 'name' } | { by: 'feature-order' };

/**
 * Which property of a boundary file holds each unit's code, name, parent code and level.
 * Plain JSON, saved with the events mapping (mapping.ts), so next month's file with the same
 * schema is keyed the same way.
 */
export interface BoundaryMapping {
  code: BoundaryCodeSource;
  /** Without one, a unit is named by its code. */
  name: string | null;
  /** Without one, parents come from code prefixes or containment (hierarchy.ts). */
  parent: string | null;
  /** Without one, levels come from the hierarchy. */
  level: string | null;
}

/**
 * Known property names, most specific first. They come from the schemas boundary files are
 * published in: GB/T 2260 and grid-management exports (编码, 区划代码), DataV (adcode), US
 * census (GEOID), NYC community districts (BoroCD). Compared after normaliseHeader, so case,
 * spaces and underscores do not matter.
 */
const SYNONYMS = {
  code: [
    'code', 'adcode', 'gridcode', '编码', '网格编码', '区划代码', '行政区划代码', '代码', 'gbcode', 'borocd', 'borocode', 'geoid', 'geoid20', 'geoid10',
    'distcode', 'districtcode', 'district', 'distid', 'unitcode', 'id',
  ],
  name: ['name', '名称', '网格名称', 'gridname', '区划名称', '行政区划名称', '地名', 'namelsad', 'namezh', 'namecn', 'districtname', 'distname', 'cdname', 'unitname'],
  parent: ['parentcode', 'parent', 'parentadcode', 'parentid', 'pid', '上级编码', '上级代码', '父级编码', '父级代码', '上级区划代码'],
  level: ['level', 'unitlevel', '层级', '级别'],
} as const;

/**
 * Row numbers a GIS adds on export (ArcGIS OBJECTID, OGR FID): unique, but they change when
 * the file is exported again, so they are a last resort rather than a code.
 */
const ROW_NUMBERS = new Set(['objectid', 'fid', 'ogcfid', 'gid', 'objectid1']);

function synonymRank(kind: keyof typeof SYNONYMS, property: string): number {
  const rank = (SYNONYMS[kind] as readonly string[]).indexOf(normaliseHeader(property));
  return rank < 0 ? Infinity : rank;
}

const isRowNumber = (property: PropertySummary) => ROW_NUMBERS.has(normaliseHeader(property.name));

/** The known-name properties of a kind, in the synonym list's order, among those with values. */
function bySynonym(kind: keyof typeof SYNONYMS, properties: readonly PropertySummary[]): PropertySummary[] {
  return properties.filter((p) => p.filled > 0 && synonymRank(kind, p.name) < Infinity).sort((a, b) => synonymRank(kind, a.name) - synonymRank(kind, b.name));
}

/** Names are text (not numbers) and nearly all different: a property of repeated words is a category, not a name. */
function suggestName(properties: readonly PropertySummary[]): PropertySummary | null {
  const known = bySynonym('name', properties)[0];
  if (known) return known;
  return properties.find((p) => p.filled > 0 && !p.numeric && !isRowNumber(p) && synonymRank('code', p.name) === Infinity && p.distinct >= 0.9 * p.filled && !p.codeLike) ?? null;
}

/**
 * The code source, in this order (docs/ingest.md, "Boundary mapping"):
 * 1. a known code name whose values key every feature;
 * 2. any other property that keys every feature with code-like values (whole numbers or
 *    short tokens; not decimals such as Shape_Area, not the name, not a GIS row number);
 * 3. a known code name even with gaps or repeats (those features are rejected with their row);
 * 4. the name, when names are unique;
 * 5. a GIS row number (OBJECTID …);
 * 6. the order of the features.
 */
function suggestCode(properties: readonly PropertySummary[], name: PropertySummary | null): BoundaryCodeSource {
  const others = properties.filter((p) => p !== name && p.filled > 0);
  const known = bySynonym('code', others).filter((p) => !isRowNumber(p));
  const evidence = others.filter((p) => p.unique && p.codeLike && (!p.numeric || p.integerLike) && !isRowNumber(p)
    && synonymRank('level', p.name) === Infinity && synonymRank('parent', p.name) === Infinity)
    // Whole numbers first: codes published as numbers (BoroCD 101, adcode 331102) are the commonest keys.
    .sort((a, b) => Number(b.integerLike) - Number(a.integerLike));
  const pick = known.find((p) => p.unique) ?? evidence[0] ?? known[0];
  if (pick) return { by: 'property', property: pick.name };
  if (name?.unique) return { by: 'name' };
  const rowNumber = others.find((p) => p.unique && isRowNumber(p));
  if (rowNumber) return { by: 'property', property: rowNumber.name };
  return { by: 'feature-order' };
}

/** The suggested mapping for a file whose properties are summarised (boundary-properties.ts). */
export function suggestBoundaryMapping(properties: readonly PropertySummary[]): BoundaryMapping {
  const name = suggestName(properties);
  const code = suggestCode(properties, name);
  const codeProperty = code.by === 'property' ? code.property : null;
  const taken = new Set([codeProperty, name?.name]);
  const free = properties.filter((p) => !taken.has(p.name) && p.filled > 0);
  // A parent property either has a known name or holds codes of other features of the file.
  const parent = bySynonym('parent', free)[0] ?? (codeProperty === null ? undefined : free.find((p) => p.valuesFoundIn.includes(codeProperty)));
  const level = bySynonym('level', free)[0] ?? free.find((p) => p.levelWords);
  return { code, name: name?.name ?? null, parent: parent?.name ?? null, level: level?.name ?? null };
}

/** Properties a mapping names that a file lacks (a saved mapping applied to another file). */
export function missingBoundaryProperties(mapping: BoundaryMapping, properties: readonly string[]): string[] {
  const present = new Set(properties);
  const named = [mapping.code.by === 'property' ? mapping.code.property : null, mapping.name, mapping.parent, mapping.level];
  return named.filter((p): p is string => p !== null && !present.has(p));
}

/** The saved form: absent optional properties are left out. */
export function boundaryMappingJson(mapping: BoundaryMapping): Record<string, unknown> {
  return {
    code: mapping.code,
    ...(mapping.name !== null ? { name: mapping.name } : {}),
    ...(mapping.parent !== null ? { parent: mapping.parent } : {}),
    ...(mapping.level !== null ? { level: mapping.level } : {}),
  };
}

/** A saved boundary mapping read back; throws naming the field that is wrong. */
export function parseBoundaryMapping(value: unknown): BoundaryMapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Invalid mapping: "boundaries" must be an object');
  const record = value as Record<string, unknown>;
  const code = record.code as Record<string, unknown> | null | undefined;
  let source: BoundaryCodeSource;
  if (typeof code !== 'object' || code === null) throw new Error('Invalid mapping: "boundaries.code" must be an object such as {"by": "property", "property": "BoroCD"}');
  if (code.by === 'property') {
    if (typeof code.property !== 'string' || code.property === '') throw new Error('Invalid mapping: "boundaries.code.property" must be a non-empty string');
    source = { by: 'property', property: code.property };
  } else if (code.by === 'name' || code.by === 'feature-order') source = { by: code.by };
  else throw new Error(`Invalid mapping "boundaries.code.by" ${JSON.stringify(code.by)}: must be one of property, name, feature-order`);
  const optional = (field: 'name' | 'parent' | 'level'): string | null => {
    const text = record[field];
    if (text === undefined || text === null) return null;
    if (typeof text !== 'string' || text === '') throw new Error(`Invalid mapping: "boundaries.${field}" must be a non-empty string when present`);
    return text;
  };
  return { code: source, name: optional('name'), parent: optional('parent'), level: optional('level') };
}
