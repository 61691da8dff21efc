import type { MeasureId, Reason } from '../domain/measures';
import { createContext, useContext } from 'react';
import type { FeatureCollection } from 'geojson';
import type { UnitLevel } from '../domain/units';
import type { Database } from '../engine/database';

/** The loaded dataset every panel reads from: the engine and the data time. */
export interface Dataset {
  db: Database;
  /** City-local data time "YYYY-MM-DD HH:MM:SS": "now" for every measure. */
  asOf: string;
  /** How many events were loaded. */
  rows: number;
  baseUrl: string;
  /**
   * Bumped each time the events table is replaced in place (the wall's live refresh): the
   * query cache keys on it, so the same SQL never serves a result of older data. Absent: 0.
   */
  version?: number;
  /** Where the data came from: the demo files or the user's own (the data loader). Absent: the demo. */
  origin?: 'demo' | 'user';
  /**
   * Boundary GeoJSON of a level when it is not read from `${baseUrl}/boundaries-<level>.geojson`
   * (the user's data, held in memory). Absent: the map fetches the files by URL.
   */
  boundaries?: (level: UnitLevel) => Promise<FeatureCollection>;
  /** Measures the data cannot support (by registry id), with the reason: every screen shows them as unavailable, never as zero. */
  unavailable?: ReadonlyMap<MeasureId, Reason>;
}

export const DatasetContext = createContext<Dataset | null>(null);

export function useDataset(): Dataset {
  const dataset = useContext(DatasetContext);
  if (!dataset) throw new Error('useDataset: no dataset loaded (a panel was rendered outside <DatasetContext.Provider>)');
  return dataset;
}
