import { UNIT_PREFIX_LENGTH } from '../domain/unit-codes';
import type { UnitLevel } from '../domain/units';

/**
 * Length of the code prefix that identifies a unit of each level inside a 15-digit grid
 * code: the unit of an event at level L is `left(grid_code, UNIT_KEY_LENGTH[L])`. The city
 * is keyed by its 4-digit prefix (331100 → 3311, as `unitPrefix`), which assumes a
 * prefecture-level city code (ending in 00 but not 0000). Defined with the unit-code rules.
 */
export const UNIT_KEY_LENGTH: Readonly<Record<UnitLevel, number>> = UNIT_PREFIX_LENGTH;
