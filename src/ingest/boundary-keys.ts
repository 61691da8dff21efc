import { isUnitLevel } from '../domain/units';
import { checkGeometries, readBoundaryGeoJson, type BoundaryFeature, type BoundarySet, type CheckedBoundaryFile, type CheckedFeature, type Problem } from './boundaries';
import { suggestBoundaryMapping, type BoundaryMapping } from './boundary-mapping';
import { propertyText } from './boundary-properties';
import { createIssue, type Issue } from './rules';

/** "districts.geojson" → "districts": the stem of codes made from feature order. */
function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The column an issue about a feature's code names: the property it was read from. */
function codeColumn(mapping: BoundaryMapping): string {
  if (mapping.code.by === 'property') return mapping.code.property;
  if (mapping.code.by === 'name') return mapping.name ?? 'name';
  return 'feature order';
}

/**
 * Checked features → boundaries keyed by the mapping (the suggestion when none is given).
 * Features without a code or with a code seen before are rejected with their row, so that
 * accepted + rejected = features still holds; keying by name or by feature order is
 * allowed but reported once for the file, because such codes are not stable: a renamed
 * unit or a re-exported file gives the same place another code.
 */
export function keyBoundaries(file: CheckedBoundaryFile, mapping: BoundaryMapping = suggestBoundaryMapping(file.properties)): BoundarySet {
  const { fileName } = file;
  const issues: Issue[] = [...file.fileIssues];
  if (mapping.code.by === 'name') issues.push(createIssue(fileName, null, mapping.name, 'boundary_keyed_by_name'));
  if (mapping.code.by === 'feature-order') issues.push(createIssue(fileName, null, null, 'boundary_keyed_by_order'));
  const stem = fileStem(fileName);
  const codeOf = (feature: CheckedFeature): string | null => {
    if (mapping.code.by === 'property') return propertyText(feature.properties[mapping.code.property]);
    if (mapping.code.by === 'name') return mapping.name === null ? null : propertyText(feature.properties[mapping.name]);
    return `${stem}-${feature.row}`;
  };
  const features: BoundaryFeature[] = [];
  const codes = new Set<string>();
  let rejectedCount = 0;
  for (const feature of file.features) {
    const { row, geometry, properties } = feature;
    const code = codeOf(feature);
    const reject = (problem: Problem, column: string): void => {
      issues.push(createIssue(fileName, row, column, problem.rule, code, problem.detail));
      rejectedCount++;
    };
    if ('rule' in geometry) { reject(geometry, 'geometry'); continue; }
    if (code === null) { reject({ rule: 'code_missing' }, codeColumn(mapping)); continue; }
    if (codes.has(code)) { reject({ rule: 'code_duplicate' }, codeColumn(mapping)); continue; }
    codes.add(code);
    if (geometry.rewound && !file.windingIsRoutine) issues.push(createIssue(fileName, row, 'geometry', 'winding_fixed', code));
    if (geometry.flattened) issues.push(createIssue(fileName, row, 'geometry', 'coordinates_3d', code));
    const level = mapping.level === null ? null : propertyText(properties[mapping.level]);
    features.push({
      code,
      name: (mapping.name === null ? null : propertyText(properties[mapping.name])) ?? code,
      level: level !== null && isUnitLevel(level) ? level : null,
      parentCode: mapping.parent === null ? null : propertyText(properties[mapping.parent]),
      polygons: geometry.polygons,
      bbox: geometry.bbox,
      featureNumber: row,
    });
  }
  return { fileName, features, issues, featureCount: file.features.length, rejectedCount, mapping, properties: file.properties, source: file };
}

/** Checks GeoJSON-like features and keys them (the mapping's default is the suggestion). */
export function checkFeatures(rawFeatures: readonly unknown[], fileName: string, mapping?: BoundaryMapping): BoundarySet {
  return keyBoundaries(checkGeometries(rawFeatures, fileName), mapping);
}

/** GeoJSON text (FeatureCollection, Feature or bare Polygon/MultiPolygon) → checked, keyed boundaries. */
export function parseBoundaryGeoJson(text: string, fileName: string, mapping?: BoundaryMapping): BoundarySet {
  return keyBoundaries(readBoundaryGeoJson(text, fileName), mapping);
}
