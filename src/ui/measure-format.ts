import { formatMeasureValue } from '../domain/format';
import type { UnitMeasure } from '../domain/measures';

/** A per-unit measure's value as text in the UI's language; null shows as a dash. */
export function formatMeasure(measure: UnitMeasure, value: number | null, language: 'zh' | 'en'): string {
  return formatMeasureValue(measure.unit, value, language);
}
