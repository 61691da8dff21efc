import { SECOND_MS, timestampMs, wallClockDate } from '../domain/wall-clock';
import type { ExportMeta } from './meta';

/** A part of a file name: letters (any script), digits, "-" and "."; the rest becomes "-". */
function slug(text: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}.-]+/gu, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 40);
}

/** The last day inside an end-exclusive period: "2026-11-28 00:00:00" → "2026-11-27". */
export function lastDayOf(endExclusive: string): string {
  return wallClockDate(timestampMs(endExclusive) - SECOND_MS);
}

/** "20261128-1321" from an ISO time (UTC): distinguishes two exports of a free query. */
function stamp(iso: string): string {
  return iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * `onemap_<what>_<unit>_<from>_<to>.<ext>` when the result came from a dashboard panel
 * (e.g. onemap_ranking_331102_2026-10-29_2026-11-27.csv), `onemap_<what>_<time>.<ext>`
 * for a free console query or an edited panel query (onemap_sql_20261128-1321.parquet).
 */
export function exportFileName(meta: Pick<ExportMeta, 'what' | 'source' | 'exportedAt' | 'edited'>, extension: string): string {
  const parts = ['onemap', slug(meta.what) || 'export'];
  // Once the analyst changed the panel's SQL, its unit and period may no longer describe
  // the result: the name says only "sql" and a time; the metadata still tells the origin.
  const source = meta.edited ? null : meta.source;
  const period = source?.period;
  if (source) parts.push(slug(source.unitCode));
  if (period) parts.push(period.start.slice(0, 10), lastDayOf(period.end));
  else parts.push(stamp(meta.exportedAt));
  return `${parts.filter((p) => p.length > 0).join('_')}.${extension.replace(/^\./, '')}`;
}
