/**
 * Numbers and durations as text, for the page, the wall, the Markdown briefing and the
 * command line alike. Written out rather than left to `toLocaleString`, so that Node and
 * every browser print exactly the same text (the page and the command must agree
 * character for character): "," groups thousands and "." marks decimals in both languages.
 *
 * Two styles: `fixed` keeps a set number of decimals ("85.0%", tables whose columns align);
 * `short` drops trailing zeros ("85%", tiles, legends and rankings).
 */

/** The languages numbers are written for (the same codes as the UI's languages). */
export type FormatLanguage = 'zh' | 'en';
export type NumberStyle = 'fixed' | 'short';
/** What a measure's value is counted in. */
export type ValueUnit = 'count' | 'ratio' | 'hours';

/** A duration longer than this many hours is written in days: "3.5 天", not "84 h". */
export const DAYS_ABOVE_HOURS = 48;

const DAY_WORD: Record<FormatLanguage, string> = { zh: '天', en: 'days' };
const HOUR_WORD = 'h';
const MISSING = '—';

function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const usable = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** `decimals` digits after the point (trailing zeros dropped in the short style), thousands grouped; no sign on a value that rounds to zero. */
export function formatNumber(value: number | null, decimals = 0, style: NumberStyle = 'fixed'): string {
  if (!usable(value)) return MISSING;
  const text = Math.abs(value).toFixed(decimals);
  const [integer = '0', rawFraction] = text.split('.');
  const fraction = style === 'short' ? rawFraction?.replace(/0+$/, '') : rawFraction;
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${grouped(integer)}${fraction ? `.${fraction}` : ''}`;
}

/** A whole number with thousands separators (rounded). */
export function formatCount(value: number | null): string {
  return formatNumber(usable(value) ? Math.round(value) : null, 0);
}

/** A share 0..1 as a percentage with one decimal ("85.0%"; "85%" in the short style). */
export function formatPercent(value: number | null, style: NumberStyle = 'fixed'): string {
  return usable(value) ? `${formatNumber(value * 100, 1, style)}%` : MISSING;
}

/** A value per 10,000 residents, with one decimal. */
export function formatPer10k(value: number | null, style: NumberStyle = 'fixed'): string {
  return formatNumber(value, 1, style);
}

export interface DurationOptions {
  style?: NumberStyle;
  /** The word after a number of hours ("h" unless the caller's vocabulary has its own, e.g. 小时). */
  hourWord?: string;
}

/**
 * A duration given in hours: up to 48 h in hours ("12.5 h"), longer in days with one
 * decimal ("3.5 天" / "3.5 days"), which is how people think of a case open for a week.
 */
export function formatDuration(hours: number | null, lang: FormatLanguage, options: DurationOptions = {}): string {
  if (!usable(hours)) return MISSING;
  const style = options.style ?? 'fixed';
  if (Math.abs(hours) > DAYS_ABOVE_HOURS) return `${formatNumber(hours / 24, 1, style)} ${DAY_WORD[lang]}`;
  return `${formatNumber(hours, 1, style)} ${options.hourWord ?? HOUR_WORD}`;
}

/** A value in its unit; `decimals` overrides a count's (a mean of counts keeps one). */
export function formatValue(unit: DisplayUnit, value: number | null, lang: FormatLanguage, decimals?: number): string {
  if (unit === 'ratio') return formatPercent(value);
  if (unit === 'hours') return formatDuration(value, lang);
  if (unit !== 'count') return formatMeasureValue(unit, value, lang);
  return decimals === undefined ? formatCount(value) : formatNumber(value, decimals);
}

/** "+" before a positive figure unless it rounds to zero ("+0.0" reads as a change). */
function signed(value: number, text: string): string {
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text.replace(/^-(?=[0.,]*$)/, '');
}

/** A change: signed, in the measure's unit; rates change in percentage points, durations as durations. */
export function formatChange(unit: DisplayUnit, change: number | null, lang: FormatLanguage): string {
  if (!usable(change)) return MISSING;
  if (unit === 'ratio') return `${signed(change, formatNumber(change * 100, 1))} pp`;
  if (unit === 'hours') {
    const text = formatDuration(change, lang);
    return signed(change, text.slice(0, text.indexOf(' '))) + text.slice(text.indexOf(' '));
  }
  return signed(change, formatCount(change));
}

/** A relative change as a signed percentage. */
export function formatRelative(change: number | null): string {
  if (!usable(change)) return MISSING;
  return `${signed(change, formatNumber(change * 100, 1))}%`;
}

/** Every unit a measure is shown in: the value units, plus the map's per-unit ones. */
export type DisplayUnit = ValueUnit | 'per10k' | 'km' | 'residents';

/**
 * A measure's value as the page's tiles, legends and rankings show it (short style):
 * "85.3%", "12.5 h" or "3.5 天", "1.25 km", "12.4" per 10k, whole counts grouped.
 */
export function formatMeasureValue(unit: DisplayUnit, value: number | null, lang: FormatLanguage, options: { hourWord?: string } = {}): string {
  switch (unit) {
    case 'ratio': return formatPercent(value, 'short');
    case 'hours': return formatDuration(value, lang, { style: 'short', hourWord: options.hourWord });
    case 'km': return usable(value) ? `${formatNumber(value, 2, 'short')} km` : MISSING;
    case 'per10k': return formatPer10k(value, 'short');
    case 'count': case 'residents': return formatCount(value);
  }
}

/** A change shown on a tile (short style, unsigned: the arrow says which way): rates in percentage points. */
export function formatMagnitude(unit: DisplayUnit, magnitude: number | null, lang: FormatLanguage): string {
  if (!usable(magnitude)) return '';
  return unit === 'ratio' ? `${formatNumber(magnitude * 100, 1, 'short')} pp` : formatMeasureValue(unit, magnitude, lang);
}

/**
 * The smallest difference a value of each unit shows once formatted (a tenth of a percent,
 * a tenth of an hour …): class breaks are rounded to it, so a legend never repeats a number.
 */
export const DISPLAY_STEP: Record<DisplayUnit, number> = { ratio: 0.001, hours: 0.1, km: 0.01, per10k: 0.1, count: 1, residents: 1 };
