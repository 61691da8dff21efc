import type { PolygonIndex } from './spatial-index';

export interface AssignProgress { done: number; total: number }

/**
 * The grid code of each point by point-in-polygon over the index; null where no grid
 * contains the point or the coordinates are missing (NaN). Reports progress every
 * `progressEvery` points so that a worker can forward it to a progress bar.
 */
export function assignGrids(lon: Float64Array, lat: Float64Array, index: PolygonIndex, onProgress?: (progress: AssignProgress) => void, progressEvery = 50_000): (string | null)[] {
  const total = lon.length;
  const codes: (string | null)[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    codes[i] = Number.isNaN(x) || Number.isNaN(y) ? null : index.locate(x, y);
    if (onProgress && (i + 1) % progressEvery === 0) onProgress({ done: i + 1, total });
  }
  onProgress?.({ done: total, total });
  return codes;
}
