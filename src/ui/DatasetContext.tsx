import { createContext, useContext } from 'react';
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
}

export const DatasetContext = createContext<Dataset | null>(null);

export function useDataset(): Dataset {
  const dataset = useContext(DatasetContext);
  if (!dataset) throw new Error('useDataset: no dataset loaded (a panel was rendered outside <DatasetContext.Provider>)');
  return dataset;
}
