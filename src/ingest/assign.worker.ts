/// <reference lib="webworker" />
import { assignGrids } from './assign';
import { createPolygonIndex, type IndexedPolygon } from './spatial-index';

/** Sent to the worker: the points (transferred, not copied) and the finest boundaries. */
export interface AssignRequest { lon: Float64Array; lat: Float64Array; polygons: IndexedPolygon[] }
/** Sent back: progress messages, then one result (or an error, with the reason). */
export type AssignMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; codes: (string | null)[] }
  | { type: 'error'; message: string };

// Create with: new Worker(new URL('./assign.worker.ts', import.meta.url), { type: 'module' }).
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<AssignRequest>) => {
  try {
    const { lon, lat, polygons } = event.data;
    const index = createPolygonIndex(polygons);
    const codes = assignGrids(lon, lat, index, ({ done, total }) => scope.postMessage({ type: 'progress', done, total } satisfies AssignMessage));
    scope.postMessage({ type: 'result', codes } satisfies AssignMessage);
  } catch (error) {
    scope.postMessage({ type: 'error', message: (error as Error).message } satisfies AssignMessage);
  }
};
