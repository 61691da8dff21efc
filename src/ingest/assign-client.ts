import type { AssignMessage, AssignRequest } from './assign.worker';

/**
 * Runs grid assignment in a worker created by the caller (so that the bundler sees the
 * `new URL(..., import.meta.url)`), forwarding progress; resolves with one code per point.
 */
export function assignGridsInWorker(worker: Worker, request: AssignRequest, onProgress?: (done: number, total: number) => void): Promise<(string | null)[]> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<AssignMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'result') resolve(message.codes);
      else reject(new Error(`Grid assignment failed: ${message.message}`));
    };
    worker.onerror = (event) => reject(new Error(`Grid assignment worker failed: ${event.message}`));
    // The coordinate buffers are transferred: the caller's arrays are detached afterwards.
    worker.postMessage(request, [request.lon.buffer, request.lat.buffer]);
  });
}
