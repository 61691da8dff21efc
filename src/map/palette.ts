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
export const UNKNOWN_COLOR: Rgba = [128, 128, 128, 160];
