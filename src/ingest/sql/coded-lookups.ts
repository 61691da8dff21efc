import type { ColumnEngine } from '../../engine/column-engine';
import { normaliseCategory, normaliseChannel, normaliseClosedLevel, normaliseOutcome, normaliseSatisfaction, normaliseSeverity, normaliseStatus } from '../values';

/**
 * Coded columns (channel, status, severity, category …) have few distinct values: each
 * distinct value is normalised once, by the very functions of src/ingest/values.ts, and
 * the answers go back to the engine as a lookup table that SQL joins. The vocabulary stays
 * in one place, and a million rows cost one DISTINCT, not a million JS calls.
 */
export const CODED_COLUMNS = {
  channel: normaliseChannel,
  status: normaliseStatus,
  closed_level: normaliseClosedLevel,
  outcome: normaliseOutcome,
  satisfaction: normaliseSatisfaction,
} as const;

export type CodedColumn = keyof typeof CODED_COLUMNS;

export function lookupTable(column: string): string {
  return `ingest_lookup_${column}`;
}

async function distinctValues(engine: ColumnEngine, source: string, expr: string): Promise<string[]> {
  const { v } = await engine.columns(`SELECT DISTINCT ${expr} AS v FROM ${source} WHERE ${expr} IS NOT NULL`);
  return (v ?? []) as string[];
}

/** `ingest_lookup_<column>(raw, code)`: code NULL when the value is not recognised. */
export async function createCodedLookup(engine: ColumnEngine, source: string, expr: string, column: CodedColumn): Promise<void> {
  const raw = await distinctValues(engine, source, expr);
  await engine.createTable(lookupTable(column), [
    { name: 'raw', type: 'VARCHAR', values: raw },
    { name: 'code', type: 'VARCHAR', values: raw.map((value) => CODED_COLUMNS[column](value)) },
  ]);
}

/** `ingest_lookup_category(raw, code)` over the cleaned category text, the user's own values first. */
export async function createCategoryLookup(engine: ColumnEngine, source: string, expr: string, own: Record<string, string> | undefined): Promise<void> {
  const raw = await distinctValues(engine, source, expr);
  await engine.createTable(lookupTable('category'), [
    { name: 'raw', type: 'VARCHAR', values: raw },
    { name: 'code', type: 'VARCHAR', values: raw.map((value) => normaliseCategory(value, own)) },
  ]);
}

/** `ingest_lookup_severity(raw, severity, problem)`: severity 1–4, or NULL with the rule broken (severity_out_of_range, value_unknown). */
export async function createSeverityLookup(engine: ColumnEngine, source: string, expr: string): Promise<void> {
  const raw = await distinctValues(engine, source, expr);
  const read = raw.map(normaliseSeverity);
  await engine.createTable(lookupTable('severity'), [
    { name: 'raw', type: 'VARCHAR', values: raw },
    { name: 'severity', type: 'DOUBLE', values: Float64Array.from(read, (v) => (typeof v === 'number' ? v : NaN)) },
    { name: 'problem', type: 'VARCHAR', values: read.map((v) => (typeof v === 'number' ? null : v === 'out_of_range' ? 'severity_out_of_range' : 'value_unknown')) },
  ]);
}
