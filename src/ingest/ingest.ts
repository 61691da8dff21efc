import type { BoundaryModel } from './boundary-files';
import { suggestMapping, type EventMapping } from './mapping';
import type { RawTable } from './raw-table';
import { readEventsFile } from './read';
import { eventsToArrowIpc } from './to-table';
import { validateEvents, type ValidateOptions, type ValidationResult } from './validate';

export interface IngestedEvents {
  table: RawTable;
  mapping: EventMapping;
  result: ValidationResult;
  /** Arrow IPC of the accepted events, for Database.insertArrowIpc('events', …). */
  ipc: Uint8Array;
}

/**
 * The whole path for one events file, for scripts and tests: read, map (the given
 * mapping or the suggestions), validate against the boundaries, and encode. The UI runs
 * the same steps one by one so that the user can confirm the mapping in between.
 */
export async function ingestEventsFile(bytes: Uint8Array, fileName: string, options: { mapping?: EventMapping; boundaries?: BoundaryModel } & Omit<ValidateOptions, 'boundaries' | 'knownGridCodes'> = {}): Promise<IngestedEvents> {
  const table = await readEventsFile(bytes, fileName);
  const mapping = options.mapping ?? suggestMapping(table.columns);
  const { boundaries, mapping: _given, ...rest } = options;
  const result = validateEvents(table, mapping, {
    ...rest,
    ...(boundaries ? { boundaries: boundaries.index, knownGridCodes: boundaries.gridCodes } : {}),
  });
  return { table, mapping, result, ipc: eventsToArrowIpc(result.events) };
}
