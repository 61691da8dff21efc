import { useSyncExternalStore } from 'react';
import { Type, type Table } from 'apache-arrow';
import type { ResultPoints } from '../../map/result-layer';
import type { UnitsDirectory } from '../units-directory';

/** A console result drawn on the one map (src/map/result-layer.ts draws it). */
export type ResultLayer = ResultPoints;

let current: ResultLayer | null = null;
const listeners = new Set<() => void>();

/** The small shared store the map reads: set by the console's "add to map", kept when switching modes. */
export function setResultLayer(layer: ResultLayer | null): void {
  current = layer;
  for (const listener of listeners) listener();
}

export function useResultLayer(): ResultLayer | null {
  return useSyncExternalStore((listener) => { listeners.add(listener); return () => listeners.delete(listener); }, () => current);
}

const LON = /^(lon|lng|long|longitude|x|经度)$/i;
const LAT = /^(lat|latitude|y|纬度)$/i;
const CODE = /^(code|unit_code|grid_code|unit|单元编码|网格编码)$/i;
const isNumeric = (t: Type) => t === Type.Int || t === Type.Float || t === Type.Decimal;

/**
 * Points from a result: its lon/lat columns, or else a unit code column placed at each
 * unit's label point. The first other numeric column sizes the points. Null when the
 * result has neither (the button is then disabled).
 */
export function resultToLayer(table: Table, units: UnitsDirectory, label: string): ResultLayer | null {
  const fields = table.schema.fields;
  const lon = fields.find((f) => LON.test(f.name) && isNumeric(f.type.typeId));
  const lat = fields.find((f) => LAT.test(f.name) && isNumeric(f.type.typeId));
  const code = fields.find((f) => CODE.test(f.name) && (f.type.typeId === Type.Utf8 || f.type.typeId === Type.Dictionary));
  if (!(lon && lat) && !code) return null;
  const used = new Set([lon?.name, lat?.name, code?.name]);
  const valueField = fields.find((f) => !used.has(f.name) && isNumeric(f.type.typeId));
  const value = valueField ? table.getChild(valueField.name) : null;
  const positions: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < table.numRows; i++) {
    let x: number, y: number;
    if (lon && lat) {
      x = Number(table.getChild(lon.name)?.get(i));
      y = Number(table.getChild(lat.name)?.get(i));
    } else {
      const unit = units.get(String(table.getChild(code!.name)?.get(i)));
      if (!unit) continue;
      x = unit.label_lon; y = unit.label_lat;
    }
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) continue;
    positions.push(x, y);
    values.push(value ? Number(value.get(i)) : NaN);
  }
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  // Area, not radius, proportional to the value: √ keeps big values from swamping the map.
  const radii = Float32Array.from(values, (v) => (Number.isFinite(v) && max > 0 ? 2 + 10 * Math.sqrt(Math.abs(v) / max) : 4));
  return { label: valueField ? `${label} · ${valueField.name}` : label, length: positions.length / 2, positions: Float32Array.from(positions), radii };
}

/** Whether "add to map" can do anything with this result. */
export function canMapResult(table: Table): boolean {
  const names = table.schema.fields.map((f) => f.name);
  return (names.some((n) => LON.test(n)) && names.some((n) => LAT.test(n))) || names.some((n) => CODE.test(n));
}
