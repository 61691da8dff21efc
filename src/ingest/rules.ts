/**
 * Every check that ingest makes, with its outcome; its message in both languages is in
 * the dictionary (src/i18n, `data.rules`).
 * A row that breaks a `rejected` rule is kept aside (not loaded); a `doubtful` rule
 * loads the row and flags it. Both end up in the issue list with file, row and column,
 * so nothing is dropped without a trace (docs/ingest.md lists the decisions).
 */
import { format, MESSAGES, type Language } from '../i18n';

export type RuleOutcome = 'rejected' | 'doubtful' | 'file';

export interface RuleInfo { outcome: RuleOutcome }

export const RULES = {
  // File-level problems: the whole file (or a column) is affected; counted once.
  empty_file: { outcome: 'file' },
  header_only: { outcome: 'file' },
  invalid_json: { outcome: 'file' },
  unsupported_json: { outcome: 'file' },
  unsupported_file: { outcome: 'file' },
  duplicate_column: { outcome: 'file' },
  empty_column_name: { outcome: 'file' },
  missing_required_column: { outcome: 'rejected' },
  // Row-level rejections.
  unterminated_quote: { outcome: 'rejected' },
  ragged_row_long: { outcome: 'rejected' },
  ragged_row_short: { outcome: 'rejected' },
  not_an_object: { outcome: 'rejected' },
  geometry_not_point: { outcome: 'rejected' },
  required_value_empty: { outcome: 'rejected' },
  time_unparseable: { outcome: 'rejected' },
  time_impossible: { outcome: 'rejected' },
  coordinates_unparseable: { outcome: 'rejected' },
  coordinates_out_of_range: { outcome: 'rejected' },
  coordinates_zero: { outcome: 'rejected' },
  outside_boundaries: { outcome: 'rejected' },
  location_missing: { outcome: 'rejected' },
  lifecycle_out_of_order: { outcome: 'rejected' },
  duplicate_id: { outcome: 'rejected' },
  // Boundary files: a feature (row = its position in the file, 1-based) is rejected or repaired.
  geometry_unsupported: { outcome: 'rejected' },
  geometry_collection: { outcome: 'rejected' },
  geometry_empty: { outcome: 'rejected' },
  geometry_invalid_coordinates: { outcome: 'rejected' },
  ring_unclosed: { outcome: 'rejected' },
  ring_too_short: { outcome: 'rejected' },
  self_intersection: { outcome: 'rejected' },
  code_missing: { outcome: 'rejected' },
  code_duplicate: { outcome: 'rejected' },
  winding_fixed: { outcome: 'doubtful' },
  coordinates_3d: { outcome: 'doubtful' },
  // Boundary files keyed without a code property (boundary-keys.ts): loaded, reported once per file.
  boundary_keyed_by_name: { outcome: 'doubtful' },
  boundary_keyed_by_order: { outcome: 'doubtful' },
  // Doubtful: loaded, flagged.
  coordinates_swapped: { outcome: 'doubtful' },
  coordinates_missing: { outcome: 'doubtful' },
  grid_code_unknown: { outcome: 'doubtful' },
  severity_out_of_range: { outcome: 'doubtful' },
  category_unknown: { outcome: 'doubtful' },
  value_unknown: { outcome: 'doubtful' },
  control_characters: { outcome: 'doubtful' },
  text_too_long: { outcome: 'doubtful' },
  id_generated: { outcome: 'doubtful' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** The message of a rule (the dictionary must name every rule: the type says so). */
export function ruleText(rule: RuleId, language: Language): string {
  const texts: Record<RuleId, string> = MESSAGES[language].data.rules;
  return texts[rule];
}

/** One finding: where it is (file, 1-based source line, column) and which rule it breaks. */
export interface Issue {
  file: string;
  /** Source line number where the record starts (1 = the header line of a CSV); null for file-level issues. */
  row: number | null;
  column: string | null;
  rule: RuleId;
  outcome: RuleOutcome;
  /** The offending value, shortened, for the message; never interpreted. */
  value: string | null;
  zh: string;
  en: string;
}

const QUOTE_LIMIT = 60;

function quoteValue(value: string): string {
  const short = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
  return JSON.stringify(short);
}

/** An issue with both messages composed: "events.csv, row 12, column 上报时间: Unrecognised timestamp ("abc")". */
export function createIssue(file: string, row: number | null, column: string | null, rule: RuleId, value: string | null = null, detail?: { zh: string; en: string }): Issue {
  const info: RuleInfo = RULES[rule];
  const text = (lang: Language): string => {
    const words = MESSAGES[lang];
    const parts = [file];
    if (row !== null) parts.push(format(words.data.issueRow, { row }));
    if (column !== null) parts.push(format(words.data.issueColumn, { column: quoteValue(column) }));
    const extra = detail ? `${words.colon}${detail[lang]}` : '';
    const shown = value !== null ? ` (${quoteValue(value)})` : '';
    return `${parts.join(words.data.issuePlaceSeparator)}${words.colon}${ruleText(rule, lang)}${extra}${shown} [${rule}]`;
  };
  return {
    file, row, column, rule, outcome: info.outcome, value: value === null ? null : value.slice(0, 200),
    zh: text('zh'),
    en: text('en'),
  };
}
