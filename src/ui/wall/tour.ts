import type { UnitEntry } from '../units-directory';
import type { WallLayer } from './wall-params';

/** What the units directory offers the tour (an interface, so the tour can be tested with a plain list). */
export interface TourUnits {
  root: UnitEntry;
  get(code: string): UnitEntry | undefined;
  childrenOf(code: string): UnitEntry[];
}

/**
 * The units the tour visits: those listed in the URL that exist (in the given order, unknown
 * codes dropped), or else the city followed by each of its districts in code order.
 */
export function tourStops(units: TourUnits, requested: readonly string[]): UnitEntry[] {
  const listed = requested.map((code) => units.get(code)).filter((u): u is UnitEntry => u !== undefined);
  if (listed.length > 0) return listed;
  const districts = [...units.childrenOf(units.root.code)].sort((a, b) => a.code.localeCompare(b.code));
  return [units.root, ...districts];
}

export interface TourStep {
  /** Position in the tour, counting from 0 and never wrapping (layers rotate on their own cycle). */
  index: number;
  unit: UnitEntry;
  layer: WallLayer;
}

/** The step at `index`: stops and layers each cycle in turn, so with 10 stops and 2 layers a stop alternates its layer. */
export function tourStep(stops: readonly UnitEntry[], layers: readonly WallLayer[], index: number): TourStep {
  if (stops.length === 0) throw new Error('Invalid tour: it needs at least one unit');
  if (layers.length === 0) throw new Error('Invalid tour: it needs at least one layer');
  if (!Number.isInteger(index) || index < 0) throw new Error(`Invalid tour index ${index}: expected a whole number ≥ 0`);
  return { index, unit: stops[index % stops.length]!, layer: layers[index % layers.length]! };
}

/**
 * The units the ranking beside the map lists while the tour shows `unit`: its siblings (the
 * other districts when it is a district), or its children when it is the city, so the
 * ranking of districts stays on screen and the unit in view is the one highlighted.
 */
export function rankingScope(units: TourUnits, unit: UnitEntry): { parentCode: string; highlight: string | null } {
  if (unit.parent_code === null || !units.get(unit.parent_code)) return { parentCode: unit.code, highlight: null };
  return { parentCode: unit.parent_code, highlight: unit.code };
}
