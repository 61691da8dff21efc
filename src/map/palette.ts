import { CATEGORIES } from '../domain/categories';

export type Rgba = [number, number, number, number];

/**
 * One colour per category, from Tableau 10 plus two, chosen to stay distinguishable for
 * the common colour-vision deficiencies at point sizes (no red/green-only pairs).
 */
const CATEGORY_HEX = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f3b73', '#8cd17d'];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export const CATEGORY_COLORS: readonly Rgba[] = CATEGORIES.map((_, i) => hexToRgba(CATEGORY_HEX[i % CATEGORY_HEX.length]!, 200));
export const CATEGORY_COLORS_HEX: readonly string[] = CATEGORIES.map((_, i) => CATEGORY_HEX[i % CATEGORY_HEX.length]!);
/** Events whose category, status or severity has no colour of its own (e.g. the category "other" of loaded data). */
export const UNKNOWN_HEX = '#808080';
export const UNKNOWN_COLOR: Rgba = hexToRgba(UNKNOWN_HEX, 160);

/** Status colours: open stages warm, finished ones cool, side states distinct. */
const STATUS_HEX: Record<string, string> = {
  reported: '#d62728', dispatched: '#ff7f0e', accepted: '#e6b800', resolved: '#2ca02c', closed: '#1f77b4',
  returned: '#9467bd', escalated: '#8c0000', invalid: '#9e9e9e',
};
export const STATUS_COLORS_HEX = STATUS_HEX;

/** Severity 1–4 on a sequential ramp (ColorBrewer YlOrRd, colour-blind safe). */
export const SEVERITY_COLORS_HEX = ['#fecc5c', '#fd8d3c', '#e31a1c', '#800026'];

/** Sequential ramps for choropleths (ColorBrewer, colour-blind safe), light = low. */
export const SEQUENTIAL_BLUE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
export const SEQUENTIAL_RED = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
/** Units with too little data: drawn, but clearly not as the lowest class. */
export const NO_DATA_HEX = '#d0d0d0';
