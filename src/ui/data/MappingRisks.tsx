import type { EventColumn } from '../../domain/events';
import { formatCount } from '../../domain/format';
import { ruleText } from '../../ingest';
import type { ColumnProfile, MappingCheck } from '../../ingest/mapping-check';
import { format as fill, MESSAGES, type Language } from '../../i18n';

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;

/**
 * Columns whose mapping alone rejects more than 1 % of the rows, said before validation
 * with the way out one click away: "mapping X makes 41 rows out of order: map it?"
 * (issue #14 point 3). Keeping the mapping is a choice too; nothing is changed unasked.
 */
export function MappingRisks({ language, check, onUnmap }: { language: Language; check: MappingCheck; onUnmap: (column: EventColumn) => void }) {
  const m = MESSAGES[language].data;
  if (check.risks.length === 0) return null;
  return (
    <ul className="mapping-risks" data-testid="mapping-risks">
      {check.risks.map((risk) => (
        <li key={risk.column} className="data-warning" data-testid={`mapping-risk-${risk.column}`} data-rows={risk.rows} data-of={risk.of} data-rule={risk.rule}>
          {fill(check.exact ? m.riskExact : m.riskSampled, {
            source: risk.source, column: risk.column, rows: formatCount(risk.rows), of: formatCount(risk.of), share: percent(risk.share), rule: ruleText(risk.rule, language),
          })}
          {risk.alongWith.length > 0 ? ` ${fill(m.riskAlongWith, { others: risk.alongWith.map((o) => fill(m.quotedColumn, o)).join(', ') })}` : null}
          {' '}<button type="button" data-testid={`unmap-${risk.column}`} onClick={() => onUnmap(risk.column)}>{fill(m.riskUnmap, { column: risk.column })}</button>
        </li>
      ))}
    </ul>
  );
}

/** A mapped column's values in one line: time or number range, or the commonest values, and how often it is filled. */
export function ColumnRange({ language, profile }: { language: Language; profile: ColumnProfile | null }) {
  const m = MESSAGES[language].data;
  if (!profile) return null;
  const parts: string[] = [];
  if (profile.range) parts.push(profile.range.min === profile.range.max ? profile.range.min : `${profile.range.min} – ${profile.range.max}`);
  // Every value different (ids, free text): the commonest ones say nothing.
  else if (profile.common.length > 0 && profile.common[0]!.count === 1) parts.push(m.allDistinct);
  else if (profile.common.length > 0) parts.push(profile.common.map((c) => `${c.value.slice(0, 24)} (${formatCount(c.count)})`).join(', '));
  parts.push(fill(m.filledOf, { filled: formatCount(profile.filled), of: formatCount(profile.of) }));
  if (profile.unreadable > 0) parts.push(fill(m.unreadableTimes, { n: formatCount(profile.unreadable) }));
  return <small className="column-range">{parts.join(' · ')}</small>;
}
