/**
 * The wall's dark palette, for what CSS cannot colour (charts). High contrast against the
 * near-black background so it reads from across a room; red/green pairs are never the
 * only cue (arrows and words carry the meaning too).
 */
export const WALL_COLORS = {
  background: '#060d18',
  panel: '#0c1a2c',
  text: '#eaf2fb',
  muted: '#9fb3c8',
  grid: '#25384f',
  accent: '#4fb3ff',
  good: '#3ddc97',
  warn: '#ffc145',
  bad: '#ff6b6b',
} as const;
