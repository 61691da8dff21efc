import type { UnitMeasure } from '../domain/measures';

/** A per-unit measure's value as text in the UI's language; null shows as a dash. */
export function formatMeasure(measure: UnitMeasure, value: number | null, language: 'zh' | 'en'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const locale = language === 'zh' ? 'zh-CN' : 'en-US';
  switch (measure.unit) {
    case 'ratio': return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
    case 'hours': return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} h`;
    case 'km': return `${value.toLocaleString(locale, { maximumFractionDigits: 2 })} km`;
    case 'per10k': return value.toLocaleString(locale, { maximumFractionDigits: 1 });
    default: return Math.round(value).toLocaleString(locale);
  }
}
