import type { FeatureCollection } from 'geojson';
import { UNIT_LEVELS, type UnitLevel } from '../../domain/units';
import { clearDatasetFiles, loadDatasetFiles, saveDatasetFiles, type StoredFiles } from '../../storage/dataset-store';

/** What survives a reload: the accepted events (Arrow IPC), units, boundaries, the mapping and this manifest. */
export interface UserDataManifest {
  version: 1;
  /** The data time ("now" for every measure): the newest report, or the time the user gave. */
  asOf: string;
  rows: number;
  savedAt: string;
  /** Names of the files the data came from, for the banner. */
  sources: string[];
  /** By registry id; data saved before the registry also has `kind: 'kpi' | 'unit'` (read by unavailableById). */
  unavailable: { id: string; kind?: string; zh: string; en: string }[];
}

export interface UserData {
  manifest: UserDataManifest;
  eventsIpc: Uint8Array;
  unitsCsv: string;
  boundaries: Partial<Record<UnitLevel, FeatureCollection>>;
  /** The mapping used (saved JSON text), for reference. */
  mappingJson: string | null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function saveUserData(data: UserData): Promise<'opfs' | 'indexeddb'> {
  const files: StoredFiles = {
    'manifest.json': encoder.encode(JSON.stringify(data.manifest)),
    'events.arrow': data.eventsIpc,
    'units.csv': encoder.encode(data.unitsCsv),
  };
  if (data.mappingJson !== null) files['mapping.json'] = encoder.encode(data.mappingJson);
  for (const level of UNIT_LEVELS) {
    const collection = data.boundaries[level];
    if (collection) files[`boundaries-${level}.geojson`] = encoder.encode(JSON.stringify(collection));
  }
  return saveDatasetFiles(files);
}

/** The stored user data, or null when none is stored or what is stored is incomplete. */
export async function loadUserData(): Promise<UserData | null> {
  const files = await loadDatasetFiles();
  if (!files?.['manifest.json'] || !files['events.arrow'] || !files['units.csv']) return null;
  const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as UserDataManifest;
  if (manifest.version !== 1 || typeof manifest.asOf !== 'string') return null;
  const boundaries: Partial<Record<UnitLevel, FeatureCollection>> = {};
  for (const level of UNIT_LEVELS) {
    const bytes = files[`boundaries-${level}.geojson`];
    if (bytes) boundaries[level] = JSON.parse(decoder.decode(bytes)) as FeatureCollection;
  }
  return {
    manifest, eventsIpc: files['events.arrow'], unitsCsv: decoder.decode(files['units.csv']), boundaries,
    mappingJson: files['mapping.json'] ? decoder.decode(files['mapping.json']) : null,
  };
}

export function clearUserData(): Promise<void> {
  return clearDatasetFiles();
}
