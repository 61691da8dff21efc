import type { FeatureCollection } from 'geojson';
import { unavailableById } from '../../domain/measures';
import type { UnitLevel } from '../../domain/units';
import { bestEventsFormat, loadDataset, type DatasetFiles } from '../../engine/load';
import type { Dataset } from '../DatasetContext';
import { clearQueryCache } from '../query-cache';
import { UNITS_DIRECTORY_SQL, UnitsDirectory } from '../units-directory';
import { installUserTables } from '../../ingest/install-tables';
import type { UserData } from './stored-dataset';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface ActiveData { dataset: Dataset; units: UnitsDirectory }

/**
 * Puts the user's data in place of what the page shows: tables swapped atomically (a
 * failure leaves them as they were), the version bumped so no cached result of the old
 * data is served, boundaries served from memory, unavailable measures passed on.
 */
export async function activateUserData(base: Dataset, data: UserData): Promise<ActiveData> {
  await installUserTables(base.db, data.eventsIpc, data.unitsCsv);
  clearQueryCache(base.db);
  const units = UnitsDirectory.fromTable(await base.db.query(UNITS_DIRECTORY_SQL));
  const boundaries = (level: UnitLevel): Promise<FeatureCollection> => Promise.resolve(data.boundaries[level] ?? EMPTY);
  const dataset: Dataset = {
    ...base, asOf: data.manifest.asOf, rows: data.manifest.rows, version: (base.version ?? 0) + 1, origin: 'user', boundaries,
    unavailable: unavailableById(data.manifest.unavailable),
  };
  return { dataset, units };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The demo city again, from its files (the engine and page stay; only the tables change). */
export async function restoreDemo(base: Dataset, demoBaseUrl: string): Promise<ActiveData> {
  const manifest = JSON.parse(new TextDecoder().decode(await fetchBytes(`${demoBaseUrl}/manifest.json`))) as DatasetFiles & { as_of: string };
  const { rows } = await loadDataset(base.db, { read: (name) => fetchBytes(`${demoBaseUrl}/${name}`) }, bestEventsFormat(manifest));
  clearQueryCache(base.db);
  const units = UnitsDirectory.fromTable(await base.db.query(UNITS_DIRECTORY_SQL));
  const { boundaries: _user, unavailable: _unavailable, ...rest } = base;
  return { dataset: { ...rest, asOf: manifest.as_of, rows, baseUrl: demoBaseUrl, version: (base.version ?? 0) + 1, origin: 'demo' }, units };
}
