import type { BoundaryMapping, EventMapping, ReadOptions } from '../../ingest';
import type { DatumHint } from '../../ingest';
import type { MappingCheck } from '../../ingest/mapping-check';
import type { BoundarySummary, LoaderReply, LoaderRequest, PreparedSummary, TableSummary } from './loader-protocol';
import { LoaderRefusal } from '../../ingest/pipeline';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (done: number, total: number) => void };
/** A request without its id, kept per kind (Omit over the union would merge the kinds). */
type RequestBody<T extends LoaderRequest['type']> = Omit<Extract<LoaderRequest, { type: T }>, 'id'>;
type AnyRequestBody = { [T in LoaderRequest['type']]: RequestBody<T> }[LoaderRequest['type']];

/**
 * The page's side of the loader worker (loader.worker.ts): one promise per request, progress
 * forwarded. `cancel` stops the worker mid-work; the table it held is gone with it.
 */
export class LoaderWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    // Written out here so that Vite sees the URL and bundles the worker.
    const worker = new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LoaderReply>) => {
      const reply = event.data;
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'progress') { pending.onProgress?.(reply.done, reply.total); return; }
      this.pending.delete(reply.id);
      if (reply.type === 'done') pending.resolve(reply.value);
      else pending.reject(reply.zh !== undefined && reply.en !== undefined ? new LoaderRefusal(reply.zh, reply.en) : new Error(reply.message));
    };
    // A worker that cannot start or dies (out of memory) fails every request with the reason and is
    // replaced: requests sent to a dead worker would never be answered.
    worker.onerror = (event) => {
      event.preventDefault();
      this.cancel(new Error(`The loader worker failed: ${event.message || 'no reason given (out of memory?)'}`));
    };
    worker.onmessageerror = () => this.cancel(new Error('The loader worker sent a message the page could not read'));
    this.worker = worker;
    return worker;
  }

  private request<T>(body: AnyRequestBody, transfer: Transferable[] = [], onProgress?: (done: number, total: number) => void): Promise<T> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      worker.postMessage({ ...body, id } as LoaderRequest, transfer);
    });
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** The bytes are transferred: the caller's buffer is detached afterwards. */
  readEvents(name: string, bytes: Uint8Array): Promise<TableSummary> {
    return this.request<TableSummary>({ type: 'read-events', name, bytes } satisfies RequestBody<'read-events'>, [bytes.buffer as ArrayBuffer]);
  }

  /** Reads the last events file again with the user's encoding or dialect. */
  rereadEvents(options: ReadOptions): Promise<TableSummary> {
    return this.request<TableSummary>({ type: 'reread-events', options } satisfies RequestBody<'reread-events'>);
  }

  readBoundaries(name: string, bytes: Uint8Array): Promise<BoundarySummary> {
    return this.request<BoundarySummary>({ type: 'read-boundaries', name, bytes } satisfies RequestBody<'read-boundaries'>, [bytes.buffer as ArrayBuffer]);
  }

  /** Re-keys the fileIndex-th boundary file (in reading order) with another mapping; replies with its new counts. */
  mapBoundaries(fileIndex: number, mapping: BoundaryMapping): Promise<BoundarySummary> {
    return this.request<BoundarySummary>({ type: 'map-boundaries', fileIndex, mapping } satisfies RequestBody<'map-boundaries'>);
  }

  clearBoundaries(): Promise<null> {
    return this.request<null>({ type: 'clear-boundaries' } satisfies RequestBody<'clear-boundaries'>);
  }

  /** Drops the worker's copy of the events table and its validation (after a load or a cancel). */
  clearEvents(): Promise<null> {
    return this.request<null>({ type: 'clear-events' } satisfies RequestBody<'clear-events'>);
  }

  datumHint(mapping: EventMapping): Promise<DatumHint | null> {
    return this.request<DatumHint | null>({ type: 'datum-hint', mapping } satisfies RequestBody<'datum-hint'>);
  }

  /** Each mapped column's range and the columns that alone reject more than 1 % of rows (mapping-check.ts), on a sample. */
  checkMapping(mapping: EventMapping): Promise<MappingCheck | null> {
    return this.request<MappingCheck | null>({ type: 'check-mapping', mapping } satisfies RequestBody<'check-mapping'>);
  }

  /** Validates the events against the boundaries read so far (both held by the worker). */
  prepare(mapping: EventMapping, rootName: string, onProgress: (done: number, total: number) => void): Promise<PreparedSummary> {
    return this.request<PreparedSummary>({ type: 'prepare', mapping, rootName } satisfies RequestBody<'prepare'>, [], onProgress);
  }

  rejectedCsv(): Promise<string> {
    return this.request<string>({ type: 'rejected-csv' } satisfies RequestBody<'rejected-csv'>);
  }

  /** Stops whatever runs; pending requests fail with `reason`. The next request starts a fresh worker. */
  cancel(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(reason);
  }
}
