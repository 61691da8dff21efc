import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Datum } from '../../map/basemap-config';
import { toDisplayPositions } from '../../map/datum';
import { createResultLayer, type ResultPoints } from '../../map/result-layer';

/** The layer of a query result added to the map (the SQL console's "add to map"), in the basemap's datum; none without a result. */
export function useResultDeckLayer(result: ResultPoints | null, datum: Datum): Layer | null {
  return useMemo(() => {
    if (!result) return null;
    return createResultLayer(datum === 'gcj02' ? { ...result, positions: toDisplayPositions(result.positions, datum) } : result);
  }, [result, datum]);
}
