import { classOf, naturalBreaks, quantileBreaks } from './classify';
import { NO_DATA_HEX } from './palette';

export interface ChoroplethInput { code: string; value: number | null; /** Too little data to show a value. */ insufficient: boolean }

export interface Choropleth {
  breaks: number[];
  palette: readonly string[];
  /** code → colour, for every unit given (no-data units get NO_DATA_HEX). */
  colors: Map<string, string>;
  noDataCount: number;
}

/**
 * Classify units into a palette's classes (quantiles or natural breaks). Units with no
 * value or too little data are set apart in their own colour, never drawn as the lowest class.
 */
export function createChoropleth(rows: readonly ChoroplethInput[], palette: readonly string[], method: 'quantile' | 'jenks'): Choropleth {
  const valid = rows.filter((r) => !r.insufficient && r.value !== null && Number.isFinite(r.value));
  const values = valid.map((r) => r.value);
  const breaks = method === 'jenks' ? naturalBreaks(values, palette.length) : quantileBreaks(values, palette.length);
  const colors = new Map<string, string>();
  for (const row of rows) {
    const usable = !row.insufficient && row.value !== null && Number.isFinite(row.value);
    colors.set(row.code, usable ? palette[Math.min(palette.length - 1, classOf(row.value as number, breaks))]! : NO_DATA_HEX);
  }
  return { breaks, palette: palette.slice(0, breaks.length + 1), colors, noDataCount: rows.length - valid.length };
}

/** A maplibre `match` expression colouring features by their `code` property. */
export function fillColorExpression(colors: Map<string, string>, fallback: string): unknown[] | string {
  if (colors.size === 0) return fallback;
  const pairs: string[] = [];
  for (const [code, color] of colors) pairs.push(code, color);
  return ['match', ['get', 'code'], ...pairs, fallback];
}
