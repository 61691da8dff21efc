import { useEffect, useMemo, useState } from 'react';
import { refreshEvents, type RefreshUpdate } from '../../engine/refresh';
import type { Dataset } from '../DatasetContext';
import { clearQueryCache, runningQueries } from '../query-cache';
import { SETTLE_POLL_MS } from './hooks';

export interface LiveStatus {
  /** Wall-clock ms of the last good read of the source (the boot load at first). */
  lastSuccess: number;
  /** Wall-clock ms of the first failed read since the last good one; null while current. */
  staleSince: number | null;
  /** Why the last read failed. */
  error: string | null;
  /** Reads attempted and failed since the wall opened (for the soak benchmark and tests). */
  cycles: number;
  failures: number;
}

export interface LiveOptions {
  /** The source on the page's origin; null: no refresh (the URL was refused, see `refusal`). */
  sourceUrl: URL | null;
  refreshSeconds: number;
  update: RefreshUpdate;
}

interface LiveData { version: number; asOf: string; rows: number }

function later(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/**
 * The dataset kept current by polling the source every `refreshSeconds` (the next read is
 * scheduled when one ends, and waits for the panels to finish loading, so work never piles up). A good read swaps the events table
 * (src/engine/refresh.ts), moves the data time to the newest report if that is later, and
 * bumps the dataset's version so every query runs again; a failed read keeps the last good
 * table and marks the status stale until a read succeeds again.
 */
export function useLiveDataset(base: Dataset, options: LiveOptions): { dataset: Dataset; status: LiveStatus } {
  const { sourceUrl, refreshSeconds, update } = options;
  const [live, setLive] = useState<LiveData>({ version: base.version ?? 0, asOf: base.asOf, rows: base.rows });
  const [status, setStatus] = useState<LiveStatus>(() => ({ lastSuccess: Date.now(), staleSince: null, error: null, cycles: 0, failures: 0 }));
  const href = sourceUrl?.href ?? null;

  useEffect(() => {
    if (href === null || refreshSeconds <= 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    // An unchanged ETag or Last-Modified means the same file: nothing to load (servers that send neither are always re-read).
    let validator: string | null = null;
    const cycle = async () => {
      // The panels show the previous version first: a swap while they load would throw their work away.
      if (runningQueries(base.db) > 0) { timer = setTimeout(() => void cycle(), SETTLE_POLL_MS); return; }
      controller = new AbortController();
      try {
        const response = await fetch(href, { cache: 'no-store', signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        const tag = response.headers.get('etag') ?? response.headers.get('last-modified');
        if (tag === null || tag !== validator) {
          const bytes = new Uint8Array(await response.arrayBuffer());
          if (stopped) return;
          const outcome = await refreshEvents(base.db, bytes, update, new URL(href).pathname);
          validator = tag;
          // Results of the old table are useless now: free them rather than wait for the LRU.
          clearQueryCache(base.db);
          setLive((previous) => ({ version: previous.version + 1, asOf: later(base.asOf, outcome.newestReport), rows: outcome.rows }));
        }
        if (!stopped) setStatus((s) => ({ ...s, lastSuccess: Date.now(), staleSince: null, error: null, cycles: s.cycles + 1 }));
      } catch (error) {
        if (stopped) return;
        const message = error instanceof Error ? error.message : String(error);
        setStatus((s) => ({ ...s, staleSince: s.staleSince ?? Date.now(), error: message, cycles: s.cycles + 1, failures: s.failures + 1 }));
      } finally {
        controller = null;
        if (!stopped) timer = setTimeout(() => void cycle(), refreshSeconds * 1000);
      }
    };
    timer = setTimeout(() => void cycle(), refreshSeconds * 1000);
    return () => { stopped = true; clearTimeout(timer); controller?.abort(); };
  }, [href, refreshSeconds, update, base.db, base.asOf]);

  const dataset = useMemo<Dataset>(() => ({ ...base, asOf: live.asOf, rows: live.rows, version: live.version }), [base, live]);
  return { dataset, status };
}
