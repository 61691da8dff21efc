import { createBrowserDatabase } from '../engine/browser';
import { bestEventsFormat, EVENTS_FILE, loadDataset, type DatasetFiles } from '../engine/load';
import type { Dataset } from './DatasetContext';
import { MARKS, markOnce } from './bench-hook';

export type BootStage = 'engine' | 'data';

/** What the demo generator writes next to the data (a subset: what the page needs). */
interface Manifest extends DatasetFiles { as_of: string; events: number }

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}. Is the demo city generated (npm run generate)?`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Start DuckDB, then load the dataset found at `baseUrl` (the demo city by default). */
export async function bootDataset(baseUrl: string, onStage: (stage: BootStage) => void): Promise<Dataset> {
  onStage('engine');
  // Downloads start now, while the 34 MB engine compiles: on a slow disk or network they
  // overlap instead of adding up. Each file is read once.
  const downloads = new Map<string, Promise<Uint8Array>>();
  const read = (name: string) => {
    let pending = downloads.get(name);
    if (!pending) { pending = fetchBytes(`${baseUrl}/${name}`); downloads.set(name, pending); }
    return pending;
  };
  const manifestRead = read('manifest.json').then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Manifest);
  // The manifest is small and says which events file to take; it arrives long before the engine.
  manifestRead.then((m) => { for (const name of ['units.csv', EVENTS_FILE[bestEventsFormat(m)]]) read(name).catch(() => undefined); }).catch(() => undefined);
  const [db, manifest] = await Promise.all([createBrowserDatabase(), manifestRead]);
  markOnce(MARKS.engineReady);
  if (typeof manifest.as_of !== 'string') throw new Error(`${baseUrl}/manifest.json: field "as_of" is missing or not a string`);
  onStage('data');
  const { rows } = await loadDataset(db, { read }, bestEventsFormat(manifest));
  markOnce(MARKS.dataLoaded);
  return { db, asOf: manifest.as_of, rows, baseUrl };
}
