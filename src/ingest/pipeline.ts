import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { FeatureCollection } from 'geojson';
import type { EventColumn } from '../domain/events';
import type { UnitLevel } from '../domain/units';
import { checkLoadFits, tooLargeMessage, type LoadFormat } from '../engine/memory-budget';
import {
  createBoundaryModel, detectEventFormat, eventsToArrowIpc, formatLocalTimestamp, initParquetReader, readBoundaryFile, readEventsFile,
  unavailableMeasures, validateEvents, type BoundaryModel, type ReadOptions, type BoundarySet, type EventMapping, type RawTable, type UnavailableMeasure, type ValidationResult,
} from './index';
import { pickDataTime } from './data-time';
import { createSingleUnit, createUserUnits, recodeGrids, userUnitsCsv } from './user-units';

/** A refusal with both languages, shown as it is (file too large, fetch refused …). */
export class LoaderRefusal extends Error {
  constructor(readonly zh: string, readonly en: string) { super(en); this.name = 'LoaderRefusal'; }
}

function budgetFormat(name: string, kind: 'events' | 'boundaries'): LoadFormat {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (kind === 'boundaries') return extension === 'zip' ? 'shapefile' : 'geojson';
  if (extension === 'parquet') return 'parquet';
  if (['arrow', 'arrows', 'ipc', 'feather'].includes(extension)) return 'arrow';
  if (['json', 'geojson', 'ndjson'].includes(extension)) return 'geojson';
  return 'csv';
}

/** Refuses a file too large for the in-browser engine from its size alone, before a byte is read (issue #8). */
export function refuseIfTooLarge(name: string, size: number, kind: 'events' | 'boundaries', usedBytes: number): void {
  const verdict = checkLoadFits(size, budgetFormat(name, kind), usedBytes);
  if (!verdict.fits) { const message = tooLargeMessage(name, size, verdict); throw new LoaderRefusal(message.zh, message.en); }
}

/** An events file read into a raw table (Parquet through the bundled parquet-wasm, started on first use); `options` override the text guesses. */
export async function readEvents(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<RawTable> {
  const format = detectEventFormat(bytes, name);
  if (format === 'parquet') await initParquetReader(parquetWasmUrl);
  return readEventsFile(bytes, name, format, options);
}

export async function readBoundaries(bytes: Uint8Array, name: string): Promise<BoundarySet> {
  return readBoundaryFile(bytes, name);
}

/** Everything a load produces: the tables' bytes, what to show the user, and what to store. */
export interface PreparedDataset {
  result: ValidationResult;
  unavailable: UnavailableMeasure[];
  eventsIpc: Uint8Array;
  unitsCsv: string;
  boundaries: Partial<Record<UnitLevel, FeatureCollection>>;
  /** Max reported_at of the accepted events, city-local "YYYY-MM-DD HH:MM:SS"; null when none. */
  newestReport: string | null;
  /** The data time picked from the density of reports (data-time.ts), as text, with how; null when none. */
  dataTime: { picked: string; stragglers: number; byDensity: boolean } | null;
  units: number;
}

/**
 * Validate the mapped table against the boundaries (when loaded), recode units and grid
 * codes into the app's scheme (user-units.ts) and encode the accepted events as Arrow IPC.
 * Runs in the loader worker (loader.worker.ts), reporting progress row by row.
 */
export function prepareDataset(table: RawTable, mapping: EventMapping, boundarySets: readonly BoundarySet[], rootName: string,
  builtModel: BoundaryModel | null = null, onProgress?: (done: number, total: number) => void): PreparedDataset {
  const features = boundarySets.flatMap((set) => set.features);
  // The caller may pass the model it already built from these sets (150,000 polygons take seconds to index).
  const model = features.length > 0 ? builtModel ?? createBoundaryModel(boundarySets) : null;
  const result = validateEvents(table, mapping, { ...(model ? { boundaries: model.index, knownGridCodes: model.gridCodes } : {}), onProgress });
  const units = model ? createUserUnits(model, features, rootName) : createSingleUnit(result.events.lon, result.events.lat, rootName);
  const events = { ...result.events, grid_code: recodeGrids(result.events.grid_code, units.codeOf) };
  const pick = pickDataTime(result.events.reported_at);
  const mapped = Object.keys(mapping.columns) as EventColumn[];
  return {
    result,
    unavailable: unavailableMeasures(mapped, model ? ['area'] : []),
    eventsIpc: result.counts.accepted > 0 ? eventsToArrowIpc(events) : new Uint8Array(0),
    unitsCsv: userUnitsCsv(units.rows),
    boundaries: units.boundaries,
    newestReport: pick ? formatLocalTimestamp(pick.newest) : null,
    dataTime: pick ? { picked: formatLocalTimestamp(pick.dataTime), stragglers: pick.stragglers, byDensity: pick.byDensity } : null,
    units: units.rows.length,
  };
}
