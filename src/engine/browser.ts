import { AsyncDuckDB, ConsoleLogger, LogLevel, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { OFFLINE_SETTINGS } from '../sql/load';
import { QueryCancelledError, type Database, type RunningQuery } from './database';
import { EngineStartError } from './start-error';

const messageOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Rejects when the worker reports an error. AsyncDuckDB only logs such an error and drops
 * its pending requests without settling them, so without this a worker that cannot load
 * (blocked by policy, script missing) would leave the start-up waiting for ever.
 */
function workerFailure(worker: Worker): Promise<never> {
  return new Promise((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new EngineStartError('worker-failed', event.message || `the worker script ${ehWorkerUrl} could not be loaded or run`));
    }, { once: true });
  });
}

// The smallest valid module: magic number and version.
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Checks, before the worker starts, the two failures that the worker would not report:
 * its wasm download failing and compilation being refused both end in an unhandled
 * rejection inside the worker, which never reaches the page, so start-up would wait for
 * ever. The HEAD request costs one round trip; the probe compiles 8 bytes.
 */
async function checkBeforeStart(): Promise<void> {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new EngineStartError('no-webassembly', 'this browser has no WebAssembly');
  }
  try {
    // Refused here under a Content-Security-Policy without 'wasm-unsafe-eval' (the worker gets the same policy).
    new WebAssembly.Module(EMPTY_WASM_MODULE);
  } catch (error) {
    throw new EngineStartError('wasm-rejected', messageOf(error));
  }
  // The first 8 bytes, read to the end: a HEAD request (used before) showed as an aborted
  // request at every load in the browser's network log (issue #15 point 11), and a 200 to a
  // HEAD also comes from a server that answers every path with its index page.
  const response = await fetch(ehWasmUrl, { headers: { Range: 'bytes=0-7' }, cache: 'no-store' }).catch((error: unknown) => {
    throw new EngineStartError('wasm-unavailable', `${ehWasmUrl}: ${messageOf(error)}`);
  });
  if (!response.ok) throw new EngineStartError('wasm-unavailable', `${ehWasmUrl}: HTTP ${response.status} ${response.statusText}`.trim());
  const head = await firstBytes(response, EMPTY_WASM_MODULE.length);
  if (!EMPTY_WASM_MODULE.slice(0, 4).every((byte, i) => head[i] === byte)) {
    throw new EngineStartError('wasm-unavailable', `${ehWasmUrl}: not a WebAssembly file (${response.headers.get('Content-Type') ?? 'no content type'})`);
  }
}

/** The first `n` bytes of a response; the rest is not downloaded (a server that ignores Range sends the whole file). */
async function firstBytes(response: Response, n: number): Promise<Uint8Array> {
  if (response.status === 206 || !response.body) return new Uint8Array(await response.arrayBuffer()).subarray(0, n);
  const reader = response.body.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return (value ?? new Uint8Array(0)).subarray(0, n);
}

/** After a failed instantiate: was the wasm file unreachable, or reachable but refused by the browser? */
async function diagnoseInstantiate(error: unknown): Promise<EngineStartError> {
  if (error instanceof EngineStartError) return error;
  const status = await fetch(ehWasmUrl, { headers: { Range: 'bytes=0-7' }, cache: 'no-store' }).then(async (r) => { await firstBytes(r, 8); return r.ok ? null : `HTTP ${r.status} ${r.statusText}`.trim(); }, (e: unknown) => messageOf(e));
  if (status !== null) return new EngineStartError('wasm-unavailable', `${ehWasmUrl}: ${status} (${messageOf(error)})`);
  return new EngineStartError('wasm-rejected', messageOf(error));
}

/**
 * How long the engine may take to start before the page checks its file itself: well above a
 * normal start here (5–10 s on a busy 2-core machine), so that the check rarely adds work.
 */
const CHECK_FILE_AFTER_MS = 15_000;

/**
 * A damaged or truncated duckdb-eh.wasm makes compilation fail inside the worker, where
 * the rejection is unhandled and never reaches the page: start-up would wait for ever. If
 * the start takes longer than CHECK_FILE_AFTER_MS, the page compiles the file itself (from
 * the HTTP cache, so the copy the worker got). Only a failed compilation ends the wait: a
 * file that compiles means the start is only slow, and a failed fetch of the check is no
 * evidence against the engine, so both keep waiting. Stopped (fetch aborted) once the start settles.
 */
function watchForDamagedWasm(): { failed: Promise<never>; stop: () => void } {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void (async () => {
        let bytes: ArrayBuffer;
        try {
          const response = await fetch(ehWasmUrl, { signal: abort.signal });
          if (!response.ok) return;
          bytes = await response.arrayBuffer();
        } catch {
          return;
        }
        if (abort.signal.aborted) return;
        try {
          await WebAssembly.compile(bytes);
        } catch (error) {
          if (!abort.signal.aborted) reject(new EngineStartError('wasm-rejected', `${ehWasmUrl} (${bytes.byteLength.toLocaleString('en-US')} bytes) does not compile, the file may be damaged or truncated: ${messageOf(error)}`));
        }
      })();
    }, CHECK_FILE_AFTER_MS);
  });
  failed.catch(() => undefined);
  return { failed, stop: () => { clearTimeout(timer); abort.abort(); } };
}

type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A query sent in pieces (connection.send) so that it can be interrupted between them
 * (connection.cancelSent). It waits its turn in the same queue as every other query.
 */
function startCancellableQuery(connection: AsyncDuckDBConnection, serial: Serial, sql: string): RunningQuery {
  let cancelled = false;
  let running = false;
  const result = serial(async () => {
    if (cancelled) throw new QueryCancelledError();
    running = true;
    try {
      const reader = await connection.send(sql, true);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) {
        if (cancelled) throw new QueryCancelledError();
        batches.push(batch);
      }
      return new Table(reader.schema, batches);
    } catch (error) {
      throw cancelled ? new QueryCancelledError() : error;
    } finally {
      running = false;
    }
  });
  return {
    result,
    cancel: async () => {
      if (cancelled) return false;
      cancelled = true;
      // A query still waiting in the queue stops before it starts; a running one is interrupted.
      return running ? connection.cancelSent() : true;
    },
  };
}

/**
 * DuckDB-WASM in a Web Worker, from files bundled with the app (no CDN). Only the
 * single-threaded `eh` build is offered: the threaded `coi` build failed intermittently
 * and was not faster on 2 cores. Start-up failures throw an
 * EngineStartError that says which step failed.
 */
export async function createBrowserDatabase(): Promise<Database> {
  await checkBeforeStart();
  let worker: Worker;
  try {
    worker = new Worker(ehWorkerUrl);
  } catch (error) {
    throw new EngineStartError('worker-failed', messageOf(error));
  }
  const failed = workerFailure(worker);
  failed.catch(() => undefined); // after a successful start a late worker error is the queries' to report
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  const damaged = watchForDamagedWasm();
  try {
    await Promise.race([db.instantiate(ehWasmUrl), failed, damaged.failed]);
  } catch (error) {
    worker.terminate();
    throw await diagnoseInstantiate(error);
  } finally {
    damaged.stop();
  }
  const connection = await db.connect();
  for (const setting of OFFLINE_SETTINGS) await connection.query(setting);
  // One connection runs one query at a time; a queue keeps callers from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  const serial: Serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql) => serial(async () => (await connection.query(sql)) as unknown as Table),
    insertArrowIpc: (table, bytes, mode = 'create') => serial(() => connection.insertArrowFromIPCStream(bytes, { name: table, create: mode === 'create' })),
    registerFile: (name, bytes) => serial(() => db.registerFileBuffer(name, bytes)),
    startQuery: (sql) => startCancellableQuery(connection, serial, sql),
    close: async () => { await connection.close(); await db.terminate(); worker.terminate(); },
  };
}
