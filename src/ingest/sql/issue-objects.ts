import { inBothLanguages } from '../../i18n';
import type { EventColumn } from '../../domain/events';
import { createIssue, type Issue, type RuleId } from '../rules';
import { formatLocalTimestamp } from '../time';
import { MAX_TEXT_LENGTH } from '../text';

/** One row of `ingest_issues`: where, which rule, the value shown and the rule's argument. */
export interface IssueRow { line: number; rule: RuleId; column: string | null; value: string | null; arg: string | null }

/** 'column|ms|previous|ms' → "closed_at 2026-02-28 08:00:00 < reported_at 2026-03-01 08:00:00". */
function lifecycleDetail(arg: string): string {
  const [column, ms, previous, previousMs] = arg.split('|');
  return `${column} ${formatLocalTimestamp(Number(ms))} < ${previous} ${formatLocalTimestamp(Number(previousMs))}`;
}

/**
 * An issue row from SQL → the Issue validateEvents makes for it: same file, row, source
 * column name, value and detail, so that both paths give the same messages.
 */
export function issueFromRow(fileName: string, row: IssueRow, sourceName: (column: EventColumn) => string, maxText = MAX_TEXT_LENGTH): Issue {
  const column = row.column === null ? null : sourceName(row.column as EventColumn);
  switch (row.rule) {
    case 'lifecycle_out_of_order': {
      const detail = lifecycleDetail(row.arg ?? '');
      return createIssue(fileName, row.line, column, row.rule, null, { zh: detail, en: detail });
    }
    case 'text_too_long':
      return createIssue(fileName, row.line, column, row.rule, null, inBothLanguages((m) => m.data.details.textCut, { length: Number(row.arg), kept: maxText }));
    case 'grid_code_unknown': {
      const detail = row.arg !== null ? inBothLanguages((m) => m.data.details.reassigned, { code: row.arg }) : inBothLanguages((m) => m.data.details.keptAsGiven);
      return createIssue(fileName, row.line, column, row.rule, row.value, detail);
    }
    case 'duplicate_id':
      return createIssue(fileName, row.line, column, row.rule, row.value, inBothLanguages((m) => m.data.details.firstSeen, { row: Number(row.arg) }));
    default:
      return createIssue(fileName, row.line, column, row.rule, row.value);
  }
}
