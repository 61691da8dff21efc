import type { UnitLevel } from './units';

/**
 * Unit codes in the GB/T 2260 style the hierarchy uses: 6 digits for a city (…00) or a
 * county, then 3 more per level (township 9, community 12, grid 15). A grid's code
 * starts with the codes of all its ancestors, which is how an event (it carries only its
 * grid code) is found under a unit.
 */
export const UNIT_CODE_PATTERN = /^\d{6}(\d{3}){0,3}$/;

/** Length of the code of a unit at each level (a city and its counties both have 6 digits). */
export const UNIT_CODE_LENGTH: Readonly<Record<UnitLevel, number>> = { city: 6, county: 6, township: 9, community: 12, grid: 15 };

/**
 * Length of the code prefix that all events of a unit at each level share: the code
 * itself, except for the city, whose counties drop its trailing "00" (331102 under
 * 331100 share "3311"). `left(grid_code, length)` is therefore a unit's key in SQL.
 */
export const UNIT_PREFIX_LENGTH: Readonly<Record<UnitLevel, number>> = { city: 4, county: 6, township: 9, community: 12, grid: 15 };

export function isUnitCode(text: string): boolean {
  return UNIT_CODE_PATTERN.test(text);
}

/** Throws with the expected shape when `code` is not a unit code (for codes from a user or a command line). */
export function checkUnitCode(code: string, what = 'unit code'): void {
  if (!isUnitCode(code)) throw new Error(`Invalid ${what} "${code}": expected 6, 9, 12 or 15 digits`);
}

/** The level a code's shape names, or null when it is not a unit code. */
export function unitCodeLevel(code: string): UnitLevel | null {
  if (!isUnitCode(code)) return null;
  if (code.length === 6) return code.endsWith('00') ? 'city' : 'county';
  return ({ 9: 'township', 12: 'community', 15: 'grid' } as Record<number, UnitLevel>)[code.length] ?? null;
}

/**
 * The code of the unit one level up, as the code's shape says: a grid's community, a
 * community's township, a township's county, a county's city (331102 → 331100); null for a
 * city. The `units` table's parent_code is the authority; this is for codes alone.
 */
export function parentUnitCode(code: string): string | null {
  const level = unitCodeLevel(code);
  if (level === null) throw new Error(`Invalid unit code "${code}": expected 6, 9, 12 or 15 digits`);
  if (level === 'city') return null;
  if (level === 'county') return `${code.slice(0, 4)}00`;
  return code.slice(0, code.length - 3);
}

/**
 * The code prefix shared by a unit's descendants. County codes under a city start with
 * the city code minus its trailing "00" (331102 under 331100), as in GB/T 2260; a
 * province-level code (…0000) keeps two digits.
 */
export function unitPrefix(code: string): string {
  checkUnitCode(code);
  if (code.length === 6 && code.endsWith('00')) return code.slice(0, code.endsWith('0000') ? 2 : 4);
  return code;
}

/**
 * The half-open range [from, to) of codes under a unit: every code that starts with the
 * unit's prefix, and no other, lies in it (codes compare as strings, byte by byte, and a
 * prefix is digits, so raising its last byte by one gives the first code past it). A
 * range, unlike "starts with", lets a table scan skip stored segments by their min/max.
 */
export function unitPrefixRange(code: string): { from: string; to: string } {
  const prefix = unitPrefix(code);
  const to = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return { from: prefix, to };
}
