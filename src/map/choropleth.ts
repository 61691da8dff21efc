import { DISPLAY_STEP, type DisplayUnit } from '../domain/format';
import { classOf, naturalBreaks, quantileBreaks } from './classify';
import { NO_DATA_HEX } from './palette';

export interface ChoroplethInput { code: string; value: number | null; /** Too little data to show a value. */ insufficient: boolean }

export interface Choropleth {
  breaks: number[];
  /**
   * The values differ by little against their size (or by no more than a few display
   * steps): drawn with the palette's two lightest colours, and the legend says so, so that
   * 4.1–4.3 h is not painted from pale yellow to dark red.
   */
  narrow: boolean;
  /** Lowest and highest value drawn, or null when none is. */
  range: [number, number] | null;
  palette: readonly string[];
  /** code → colour, for every unit given (no-data units get NO_DATA_HEX). */
  colors: Map<string, string>;
  noDataCount: number;
}

/**
 * Classify units into a palette's classes (quantiles or natural breaks). Units with no
 * value or too little data are set apart in their own colour, never drawn as the lowest class.
 */
export interface ChoroplethOptions {
  /** The smallest difference the legend shows (DISPLAY_STEP of the measure's unit): breaks are rounded to it. */
  step?: number;
  /**
   * A spread below this share of the median value is narrow (4.1–4.3 h is 5 %). 0 for
   * shares and rates, whose differences are read in points, not relative to their size.
   */
  narrowShare?: number;
  /**
   * The units' values cannot be told apart (for rates: every 95 % interval overlaps the
   * others', see overlapGroups): drawn as narrow, whatever the spread of the points.
   */
  indistinguishable?: boolean;
}

export const NARROW_SHARE = 0.06;
/** …or below this many display steps. */
export const NARROW_STEPS = 3;

/** Rounded to the display step, with the float noise of the division taken off. */
function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toPrecision(12));
}

export function createChoropleth(rows: readonly ChoroplethInput[], palette: readonly string[], method: 'quantile' | 'jenks', options: ChoroplethOptions = {}): Choropleth {
  const valid = rows.filter((r) => !r.insufficient && r.value !== null && Number.isFinite(r.value));
  const values = valid.map((r) => r.value as number);
  const sorted = [...values].sort((a, b) => a - b);
  const range: [number, number] | null = sorted.length ? [sorted[0]!, sorted[sorted.length - 1]!] : null;
  const step = options.step ?? 0;
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  const spread = range ? range[1] - range[0] : 0;
  const narrow = range !== null && spread > 0 && (options.indistinguishable === true || spread <= (options.narrowShare ?? NARROW_SHARE) * Math.abs(median) || spread < NARROW_STEPS * step);
  const colours = narrow ? palette.slice(0, 2) : palette;
  const raw = method === 'jenks' ? naturalBreaks(values, colours.length) : quantileBreaks(values, colours.length);
  // Distinct after rounding, and below the largest value (a break at it would leave the top class empty).
  const breaks: number[] = [];
  for (const b of raw) {
    const rounded = step > 0 ? roundTo(b, step) : b;
    if (range && rounded >= range[1]) continue;
    if (breaks.length === 0 || rounded > breaks[breaks.length - 1]!) breaks.push(rounded);
  }
  const colors = new Map<string, string>();
  for (const row of rows) {
    const usable = !row.insufficient && row.value !== null && Number.isFinite(row.value);
    colors.set(row.code, usable ? colours[Math.min(colours.length - 1, classOf(row.value as number, breaks))]! : NO_DATA_HEX);
  }
  return { breaks, narrow, range, palette: colours.slice(0, breaks.length + 1), colors, noDataCount: rows.length - valid.length };
}

/** A maplibre `match` expression colouring features by their `code` property. */
export function fillColorExpression(colors: Map<string, string>, fallback: string): unknown[] | string {
  if (colors.size === 0) return fallback;
  const pairs: string[] = [];
  for (const [code, color] of colors) pairs.push(code, color);
  return ['match', ['get', 'code'], ...pairs, fallback];
}

/** The options that make a measure's classes honest: rounded to what its legend shows, narrow judged in its own terms. */
export function choroplethOptionsFor(unit: DisplayUnit): ChoroplethOptions {
  return { step: DISPLAY_STEP[unit], narrowShare: unit === 'ratio' ? 0 : NARROW_SHARE };
}
