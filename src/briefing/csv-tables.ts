import { zipSync, strToU8 } from 'fflate';
import { csvField, neutraliseFormula, UTF8_BOM } from '../export/csv';
import type { Language } from './labels';
import { briefingMarkdown, type MarkdownOptions } from './markdown';
import type { Briefing } from './model';
import { briefingTables, type BriefingTable } from './tables';

/** One table as CSV: UTF-8 with BOM for Excel, raw values (numbers unformatted), text neutralised against formulas. */
export function tableCsv(table: BriefingTable): string {
  const field = (value: unknown) => (typeof value === 'number' ? String(value) : value === null || value === undefined ? '' : csvField(neutraliseFormula(String(value))));
  const lines = [table.columns.map(field).join(','), ...table.rows.map((row) => row.map((c) => field(c.value)).join(','))];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** What the tables were made with, written beside them as README.json: period, unit, filters, data time and the SQL of each. */
export function briefingManifest(b: Briefing): Record<string, unknown> {
  return {
    kind: b.kind, date: b.request.date, unit: b.unit, filters: b.request.filter ?? {},
    period: b.periods.current, previous: b.periods.previous, lastYear: b.periods.lastYear, toDate: b.periods.toDate,
    endOfPeriod: b.periods.asOf, dataAsOf: b.dataAsOf,
    // A table the data cannot fill is an empty CSV; this says it is "unavailable", not "none".
    ...(Object.keys(b.unavailable).length > 0 ? { unavailable: b.unavailable } : {}),
    queries: b.queries.map((q) => ({ id: q.id, sql: q.sql })),
  };
}

/** A stable file-name stem: onemap_briefing_<kind>_<date>_<unit>. */
export function briefingFileStem(b: Briefing): string {
  return `onemap_briefing_${b.kind}_${b.request.date}_${b.unit.code}`;
}

/** The zip of every table as CSV, the manifest and the Markdown. */
export function briefingZip(b: Briefing, lang: Language, options: MarkdownOptions = {}): Uint8Array {
  const stem = briefingFileStem(b);
  const files: Record<string, Uint8Array> = {
    [`${stem}/README.json`]: strToU8(`${JSON.stringify(briefingManifest(b), null, 2)}\n`),
    [`${stem}/${stem}.md`]: strToU8(briefingMarkdown(b, lang, options)),
  };
  briefingTables(b, lang).forEach((table, i) => {
    files[`${stem}/${String(i + 1).padStart(2, '0')}_${table.id}.csv`] = strToU8(tableCsv(table));
  });
  return zipSync(files);
}
