import type { LayerSpecification } from 'maplibre-gl';
import type { UnitLevel } from '../domain/units';

/** Levels drawn from boundary files; the city outline is its own source. */
export const BOUNDARY_LEVELS = ['county', 'township', 'community', 'grid'] as const satisfies readonly UnitLevel[];
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/**
 * The boundary layers of every level, hidden until a drill state shows them. One fill
 * per level so that the children of the current unit can be coloured and clicked.
 */
export function createBoundaryLayers(): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  for (const level of BOUNDARY_LEVELS) {
    layers.push({ id: `drill-${level}-fill`, type: 'fill', source: level, layout: { visibility: 'none' }, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0 } });
  }
  for (const level of BOUNDARY_LEVELS) {
    layers.push({ id: `drill-${level}-line`, type: 'line', source: level, layout: { visibility: 'none' }, paint: { 'line-color': '#7b8ea1', 'line-width': level === 'county' ? 1.4 : 0.8 } });
  }
  for (const level of BOUNDARY_LEVELS) {
    layers.push({ id: `drill-${level}-focus`, type: 'line', source: level, layout: { visibility: 'none' }, paint: { 'line-color': '#0b3d6b', 'line-width': 3 } });
  }
  return layers;
}

export interface LayerChange { id: string; visible: boolean; filter?: unknown[]; paint?: Record<string, unknown> }

/**
 * What the boundary layers show for a drill state: the children of the current unit
 * (filled for the choropleth and for clicking), their outlines, and the current unit's
 * own outline in bold. Pure, so the map only applies the result.
 */
export function drillLayerChanges(unit: { code: string; level: UnitLevel }, childLevel: UnitLevel | null, fillColor: unknown, fillOpacity: number): LayerChange[] {
  const changes: LayerChange[] = [];
  for (const level of BOUNDARY_LEVELS) {
    const isChildren = level === childLevel;
    const childFilter = unit.level === 'city' ? ['==', ['get', 'level'], level] : ['==', ['get', 'parent_code'], unit.code];
    changes.push({ id: `drill-${level}-fill`, visible: isChildren, filter: childFilter, paint: { 'fill-color': fillColor, 'fill-opacity': fillOpacity } });
    changes.push({ id: `drill-${level}-line`, visible: isChildren || (level === 'county' && unit.level !== 'city'), filter: isChildren ? childFilter : ['has', 'code'] });
    changes.push({ id: `drill-${level}-focus`, visible: level === unit.level, filter: ['==', ['get', 'code'], unit.code] });
  }
  return changes;
}
