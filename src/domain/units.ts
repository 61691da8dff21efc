/** The levels of the governance hierarchy, top first (docs/domain.md §2). */
export const UNIT_LEVELS = ['city', 'county', 'township', 'community', 'grid'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export type GridKind = 'urban' | 'rural' | 'special';

/** One unit of the hierarchy, as stored in the `units` table. */
export interface Unit {
  code: string;
  name: string;
  level: UnitLevel;
  parent_code: string | null;
  population: number;
  households: number;
  area_km2: number;
  grid_workers: number;
  /** Only grids have a kind; higher levels leave it null. */
  kind: GridKind | null;
}

/** The level one below `level`, or null for a grid. */
export function childLevel(level: UnitLevel): UnitLevel | null {
  const index = UNIT_LEVELS.indexOf(level);
  return UNIT_LEVELS[index + 1] ?? null;
}

/** The level one above `level`, or null for the city. */
export function parentLevel(level: UnitLevel): UnitLevel | null {
  const index = UNIT_LEVELS.indexOf(level);
  return index > 0 ? (UNIT_LEVELS[index - 1] ?? null) : null;
}

export function isUnitLevel(value: string): value is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(value);
}
