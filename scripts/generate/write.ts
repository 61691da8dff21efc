import { closeSync, openSync, writeSync } from 'node:fs';
import * as turf from '@turf/turf';
import { EVENT_TABLE_COLUMNS } from '../../src/domain/events';
import { UNIT_LEVELS } from '../../src/domain/units';
import type { EventRow } from './events';
import type { GeneratedUnit } from './hierarchy';
import { formatTimestamp } from './time';

/** RFC 4180 quoting: only fields that need it are quoted, quotes are doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const UNIT_COLUMNS = ['code', 'name', 'level', 'parent_code', 'population', 'households', 'area_km2', 'grid_workers', 'kind', 'label_lon', 'label_lat'] as const;

/** The units table as CSV, top level first, then by code. */
export function unitsCsv(units: GeneratedUnit[]): string {
  const lines = [UNIT_COLUMNS.join(',')];
  for (const unit of sortUnits(units)) {
    const [lon, lat] = labelPoint(unit);
    lines.push([unit.code, unit.name, unit.level, unit.parent_code, unit.population, unit.households, unit.area_km2, unit.grid_workers, unit.kind, lon, lat].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

/** One GeoJSON FeatureCollection of a level's outlines, one feature per line for small diffs. */
export function boundariesGeoJson(units: GeneratedUnit[], level: string): string {
  const features = sortUnits(units).filter((u) => u.level === level).map((unit) => JSON.stringify({
    type: 'Feature',
    properties: { code: unit.code, name: unit.name, level: unit.level, parent_code: unit.parent_code },
    geometry: unit.geometry.geometry,
  }));
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

function sortUnits(units: GeneratedUnit[]): GeneratedUnit[] {
  return [...units].sort((a, b) => UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level) || a.code.localeCompare(b.code));
}

/** A point inside the outline for the label: the centroid when it falls inside, else a point on the surface. */
function labelPoint(unit: GeneratedUnit): [number, number] {
  const centroid = turf.centroid(unit.geometry);
  const point = turf.booleanPointInPolygon(centroid, unit.geometry) ? centroid : turf.pointOnFeature(unit.geometry);
  const [lon, lat] = point.geometry.coordinates as [number, number];
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

/** Streams event rows to a CSV file in chunks, so that millions of rows need little memory. */
export class EventCsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  count = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, EVENT_TABLE_COLUMNS.join(',') + '\n');
  }

  write(row: EventRow): void {
    const ts = (ms: number | null) => (ms === null ? null : formatTimestamp(ms));
    this.buffer.push([
      row.event_id, row.channel, row.category, row.subcategory, row.severity, row.lon, row.lat, row.grid_code,
      row.department, row.status, row.closed_level, ts(row.reported_at), ts(row.dispatched_at), ts(row.accepted_at),
      ts(row.resolved_at), ts(row.closed_at), ts(row.due_at), row.outcome, row.satisfaction, row.description, row.address,
      // category_text: the generator writes the taxonomy's own codes, so there is no other text to keep.
      null,
    ].map(csvField).join(','));
    this.count++;
    if (this.buffer.length >= 20_000) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
  }
}
