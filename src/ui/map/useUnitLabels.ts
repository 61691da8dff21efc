import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import type { UnitLevel } from '../../domain/units';
import type { Datum } from '../../map/basemap-config';
import { toDisplayDatum } from '../../map/datum';
import { createUnitLabelsLayer } from '../../map/unit-labels';
import type { UnitEntry, UnitsDirectory } from '../units-directory';

/** Above this many labels (a county's communities) none are drawn: they would only collide. */
const MAX_LABELS = 400;

/** The names of the current unit's children at their label points (the unit's own name at a grid), sized by level. */
export function useUnitLabels(units: UnitsDirectory, unit: UnitEntry, children: UnitLevel | null, datum: Datum): Layer {
  return useMemo(() => {
    const list = children ? units.childrenOf(unit.code) : [unit];
    const labels = list.map((u) => {
      const [lon, lat] = toDisplayDatum(u.label_lon, u.label_lat, datum);
      return { code: u.code, name: u.name, lon, lat, priority: Math.log10(1 + u.population) };
    });
    const size = children === 'grid' || children === 'community' ? 12 : children === 'township' ? 14 : 18;
    return createUnitLabelsLayer('unit-labels', labels, { visible: labels.length <= MAX_LABELS, size, color: [20, 40, 60, 255] });
  }, [units, unit, children, datum]);
}
