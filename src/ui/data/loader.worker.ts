/// <reference lib="webworker" />
import { createBoundaryModel, detectDatumShift, detectEventFormat, keyBoundaries, rejectedRowsCsv, type BoundaryModel, type BoundarySet, type DatumHint, type EventFileFormat, type EventMapping, type RawTable, type ValidationResult } from '../../ingest';
import { MESSAGES } from '../../i18n';
import { ISSUE_EXAMPLES, SAMPLE_ROWS, type BoundarySummary, type LoaderReply, type LoaderRequest, type PreparedSummary, type TableSummary } from './loader-protocol';
import { LoaderRefusal, prepareDataset, readBoundaries, readEvents } from '../../ingest/pipeline';
import { checkMapping } from '../../ingest/mapping-check';

/**
 * The loader's heavy work, off the page's thread (issue #6, #8): parsing a file, validating
 * every row with point-in-polygon grid assignment, encoding the accepted events as Arrow.
 * The page stays responsive and shows a progress bar; the raw table, the boundaries and the
 * last validation stay here, so that a million rows or polygons are never copied to the page.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let table: RawTable | null = null;
/**
 * The last events file's bytes, kept so that it can be read again with another encoding or
 * dialect (ReadOptions.tsx) without the page sending it again; only the last one is kept.
 */
let eventsSource: EventsSource | null = null;
interface EventsSource { name: string; bytes: Uint8Array; format: EventFileFormat }
let validation: ValidationResult | null = null;
const boundarySets: BoundarySet[] = [];
/** Built from boundarySets on first need (datum hint, validation), dropped when they change. */
let boundaryModel: BoundaryModel | null = null;

function model(): BoundaryModel | null {
  if (!boundarySets.some((set) => set.features.length > 0)) return null;
  return (boundaryModel ??= createBoundaryModel(boundarySets));
}

/** Rows the datum hint looks at, spread over the whole table (detectDatumShift samples as many). */
const DATUM_SAMPLE_ROWS = 2_000;

/**
 * Which datum fits the boundaries best, from the mapped coordinates of rows spread over the
 * table. Picked before converting, because the hint is asked again at every mapping change
 * and converting a million rows each time would be wasted.
 */
function datumHint(mapping: EventMapping): DatumHint | null {
  const index = model()?.index;
  const lonAt = mapping.columns.lon ? table?.columns.indexOf(mapping.columns.lon) ?? -1 : -1;
  const latAt = mapping.columns.lat ? table?.columns.indexOf(mapping.columns.lat) ?? -1 : -1;
  if (!table || !index || lonAt < 0 || latAt < 0) return null;
  const gridAt = mapping.columns.grid_code ? table.columns.indexOf(mapping.columns.grid_code) : -1;
  const step = Math.max(1, Math.floor(table.rows.length / DATUM_SAMPLE_ROWS));
  const rows = table.rows.filter((_, i) => i % step === 0);
  const lon = Float64Array.from(rows, (row) => Number(row[lonAt] ?? NaN));
  const lat = Float64Array.from(rows, (row) => Number(row[latAt] ?? NaN));
  return detectDatumShift(lon, lat, gridAt >= 0 ? rows.map((row) => row[gridAt] ?? null) : null, index, mapping.crs);
}

function summariseBoundaries(set: BoundarySet): BoundarySummary {
  return {
    fileName: set.fileName, featureCount: set.featureCount, accepted: set.features.length, rejectedCount: set.rejectedCount, issues: set.issues.slice(0, ISSUE_EXAMPLES),
    mapping: set.mapping, properties: set.properties,
  };
}

function summariseTable(read: RawTable, source: EventsSource): TableSummary {
  return {
    fileName: read.fileName, columns: read.columns, rowCount: read.rows.length, encoding: read.encoding,
    format: source.format, ...(read.textRead ? { textRead: read.textRead } : {}),
    fileIssues: read.issues.filter((issue) => issue.row === null), sample: read.rows.slice(0, SAMPLE_ROWS),
  };
}

async function handle(request: LoaderRequest): Promise<{ value: unknown; transfer: Transferable[] }> {
  switch (request.type) {
    case 'read-events': {
      // The previous file is dropped first: two large tables need not be held at once.
      table = null;
      validation = null;
      eventsSource = null;
      // The format is told before reading: a reader may take over the bytes.
      const format = detectEventFormat(request.bytes, request.name);
      table = await readEvents(request.bytes, request.name);
      eventsSource = { name: request.name, bytes: request.bytes, format };
      return { value: summariseTable(table, eventsSource), transfer: [] };
    }
    case 'reread-events': {
      if (!eventsSource) throw nothingLoaded();
      table = null;
      validation = null;
      table = await readEvents(eventsSource.bytes, eventsSource.name, request.options);
      return { value: summariseTable(table, eventsSource), transfer: [] };
    }
    case 'read-boundaries': {
      const set = await readBoundaries(request.bytes, request.name);
      boundarySets.push(set);
      boundaryModel = null;
      return { value: summariseBoundaries(set), transfer: [] };
    }
    case 'map-boundaries': {
      // The file's features were read and geometry-checked once; another mapping only re-keys them.
      const set = boundarySets[request.fileIndex];
      if (!set) throw nothingLoaded();
      boundarySets[request.fileIndex] = keyBoundaries(set.source, request.mapping);
      boundaryModel = null;
      return { value: summariseBoundaries(boundarySets[request.fileIndex]!), transfer: [] };
    }
    case 'clear-events':
      table = null;
      validation = null;
      eventsSource = null;
      return { value: null, transfer: [] };
    case 'clear-boundaries':
      boundarySets.length = 0;
      boundaryModel = null;
      return { value: null, transfer: [] };
    case 'datum-hint':
      return { value: datumHint(request.mapping), transfer: [] };
    case 'check-mapping': {
      if (!table) return { value: null, transfer: [] };
      const built = model();
      return { value: checkMapping(table, request.mapping, built ? { boundaries: built.index, knownGridCodes: built.gridCodes } : {}), transfer: [] };
    }
    case 'prepare': {
      if (!table) throw nothingLoaded();
      const prepared = prepareDataset(table, request.mapping, boundarySets, request.rootName, model(),
        (done, total) => scope.postMessage({ id: request.id, type: 'progress', done, total } satisfies LoaderReply));
      validation = prepared.result;
      const { counts, byRule, issues } = prepared.result;
      const summary: PreparedSummary = { ...prepared, result: { counts, byRule, issues: issues.slice(0, ISSUE_EXAMPLES), issueCount: issues.length } };
      return { value: summary, transfer: [prepared.eventsIpc.buffer as ArrayBuffer] };
    }
    case 'rejected-csv':
      if (!table || !validation) throw nothingLoaded();
      return { value: rejectedRowsCsv(table, validation), transfer: [] };
  }
}

function nothingLoaded(): LoaderRefusal {
  return new LoaderRefusal(MESSAGES.zh.data.nothingLoaded, MESSAGES.en.data.nothingLoaded);
}

scope.onmessage = (event: MessageEvent<LoaderRequest>) => {
  const request = event.data;
  // The reply is posted inside the chain, so that a failure to send it (a value that cannot be
  // cloned, no memory left) is answered as an error instead of leaving the page waiting.
  handle(request)
    .then(({ value, transfer }) => scope.postMessage({ id: request.id, type: 'done', value } satisfies LoaderReply, transfer))
    .catch((error: unknown) => {
      const reply: LoaderReply = error instanceof LoaderRefusal
        ? { id: request.id, type: 'error', message: error.message, zh: error.zh, en: error.en }
        : { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
      scope.postMessage(reply);
    });
};
