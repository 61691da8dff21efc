/**
 * The app's modes, chosen by the `mode` URL parameter so that each can be bookmarked and
 * put on a screen by itself: the one map (default), the consultation briefing, the wall
 * display, the analyst's SQL console and the data loader (bring your own data).
 */
export const APP_MODES = ['map', 'briefing', 'wall', 'sql', 'data'] as const;
export type AppMode = (typeof APP_MODES)[number];

export function parseMode(search: string): AppMode {
  const mode = new URLSearchParams(search).get('mode');
  return mode && (APP_MODES as readonly string[]).includes(mode) ? (mode as AppMode) : 'map';
}

/** The URL of another mode, keeping the language (other parameters belong to the mode left). */
export function modeHref(mode: AppMode, search: string): string {
  const params = new URLSearchParams();
  if (mode !== 'map') params.set('mode', mode);
  const lang = new URLSearchParams(search).get('lang');
  if (lang) params.set('lang', lang);
  const text = params.toString();
  return text ? `?${text}` : window.location.pathname;
}
