/**
 * Number formatting shared by the page, the Markdown and the command line. Written out
 * rather than left to `toLocaleString`, so that Node and every browser print exactly the
 * same text (the page and the command must agree character for character).
 */
import type { MeasureUnit } from '../domain/measures';

function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A fixed number of decimals with thousands separators; no sign on a value that rounds to zero. */
export function formatNumber(value: number | null, decimals = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(decimals);
  const [integer = '0', fraction] = text.split('.');
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${grouped(integer)}${fraction ? `.${fraction}` : ''}`;
}

/** "+" before a positive figure unless it rounds to zero ("+0.0" reads as a change). */
function signed(value: number, text: string): string {
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text.replace(/^-(?=[0.,]*$)/, '');
}

export function formatCount(value: number | null): string {
  return formatNumber(value === null ? null : Math.round(value), 0);
}

/** A share 0..1 as a percentage with one decimal. */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${formatNumber(value * 100, 1)}%`;
}

export function formatHours(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${formatNumber(value, 1)} h`;
}

/** A value in its unit. */
export function formatValue(unit: MeasureUnit, value: number | null, decimals?: number): string {
  if (unit === 'ratio') return formatPercent(value);
  if (unit === 'hours') return formatHours(value);
  if (unit === 'km') return value === null || !Number.isFinite(value) ? '—' : `${formatNumber(value, 2)} km`;
  if (unit === 'per10k' || unit === 'residents') return formatNumber(value, decimals ?? 1);
  return decimals === undefined ? formatCount(value) : formatNumber(value, decimals);
}

/** A change: signed, in the measure's unit; rates change in percentage points. */
export function formatChange(unit: MeasureUnit, change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—';
  if (unit === 'ratio') return `${signed(change, formatNumber(change * 100, 1))} pp`;
  if (unit === 'hours') return `${signed(change, formatNumber(change, 1))} h`;
  return signed(change, formatCount(change));
}

/** A relative change as a signed percentage. */
export function formatRelative(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—';
  return `${signed(change, formatNumber(change * 100, 1))}%`;
}
