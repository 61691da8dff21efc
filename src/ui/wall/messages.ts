import { MESSAGES, type Language, type Messages } from '../../i18n';

/**
 * The wall's words: the dictionary's `wall` section (src/i18n). The KPI tiles' labels and
 * definitions are the measure registry's (src/domain/measures), like every other screen's.
 */
export type WallMessages = Messages['wall'];

export const WALL_MESSAGES: Record<Language, WallMessages> = { zh: MESSAGES.zh.wall, en: MESSAGES.en.wall };

/** "hh:mm" (24-hour) of a moment on the wall's own clock. */
export function clockText(ms: number, seconds = false): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}
