import { measure as registryMeasure } from '../../domain/measures';
import { RULES, ruleText, type RuleId, type UnavailableMeasure } from '../../ingest';
import { format as fill, measureWords, MESSAGES, type Language } from '../../i18n';
import type { PreparedSummary, TableSummary } from './loader-protocol';
import { formatCount } from '../../domain/format';

const EXAMPLES = 20;

interface ReviewStepProps {
  language: Language;
  table: TableSummary;
  prepared: PreparedSummary;
  /** The rejected rows as CSV, built where the whole table is (the loader worker). */
  rejectedCsv: () => Promise<string>;
  onError: (error: unknown) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The measure's label as every screen shows it (one registry entry behind the KPI tile, map, ranking and briefing). */
function measureLabel(measure: UnavailableMeasure, language: Language): string {
  return measureWords(language, registryMeasure(measure.id).id).label;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Step 3: what validation found, per rule with examples; rejected rows downloadable; the user goes on or cancels. */
export function ReviewStep({ language, table, prepared, rejectedCsv, onError, busy, onConfirm, onCancel }: ReviewStepProps) {
  const m = MESSAGES[language].data;
  const { counts, byRule, issues } = prepared.result;
  const rules = (Object.entries(byRule) as [RuleId, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const tile = (id: 'input' | 'accepted' | 'rejected' | 'doubtful') => (
    <div className={`count-tile count-${id}`} data-testid={`count-${id}`} data-value={counts[id]}>
      <div className="count-label">{m[id]}</div>
      <div className="count-value">{formatCount(counts[id])}</div>
    </div>
  );
  const baseName = table.fileName.replace(/\.[^.]+$/, '');
  return (
    <section className="data-step" data-testid="review-step">
      <h3>{m.reviewHeading}</h3>
      <div className="count-tiles">{tile('input')}{tile('accepted')}{tile('rejected')}{tile('doubtful')}</div>
      {rules.length > 0 ? (
        <>
          <h4>{m.byRule}</h4>
          <table className="rule-table" data-testid="rule-table">
            <thead><tr><th>{m.rule}</th><th>{m.outcome}</th><th title={m.countHint}>{m.count}</th></tr></thead>
            <tbody>
              {rules.map(([rule, n]) => (
                <tr key={rule} data-testid={`rule-${rule}`} data-value={n}>
                  <td>{ruleText(rule, language)} <code>[{rule}]</code></td>
                  <td>{m.outcomes[RULES[rule].outcome]}</td>
                  {/* A required column not mapped is one finding about the file that rejects every row, not one per row. */}
                  <td>{rule === 'missing_required_column' ? fill(m.wholeFileRejected, { rows: formatCount(counts.input) }) : formatCount(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{m.examples}</h4>
          <ul className="issue-list" data-testid="issue-examples">
            {issues.slice(0, EXAMPLES).map((issue, i) => <li key={i} className={`issue-${issue.outcome}`}>{issue[language]}</li>)}
          </ul>
        </>
      ) : null}
      {counts.rejected > 0 ? (
        <button type="button" data-testid="download-rejected" disabled={busy} onClick={() => { rejectedCsv().then((text) => download(`${baseName}_rejected.csv`, text), onError); }}>{m.downloadRejected}</button>
      ) : null}
      {prepared.dataTime ? (
        <p className={prepared.dataTime.byDensity ? 'data-warning' : 'data-hint'} data-testid="data-time-pick" data-value={prepared.dataTime.picked} data-stragglers={prepared.dataTime.stragglers}>
          {prepared.dataTime.byDensity
            ? fill(m.dataTimeByDensity, { time: prepared.dataTime.picked.slice(0, 16), n: formatCount(prepared.dataTime.stragglers), newest: (prepared.newestReport ?? '').slice(0, 16) })
            : fill(m.dataTimeNewest, { time: prepared.dataTime.picked.slice(0, 16) })}
        </p>
      ) : null}
      <h4>{m.unavailableHeading}</h4>
      {prepared.unavailable.length === 0 ? <p className="data-hint">{m.noneUnavailable}</p> : (
        <ul className="unavailable-list" data-testid="unavailable-list">
          {prepared.unavailable.map((u) => <li key={u.id} data-testid={`unavailable-${u.id}`}>{measureLabel(u, language)} — {u[language]}</li>)}
        </ul>
      )}
      {counts.accepted === 0 ? <p className="data-error" role="alert">{m.nothingAccepted}</p> : null}
      <div className="data-actions">
        <button type="button" className="primary" data-testid="confirm-load" onClick={onConfirm} disabled={busy || counts.accepted === 0}>
          {busy ? m.loading : fill(m.loadData, { n: formatCount(counts.accepted) })}
        </button>
        <button type="button" data-testid="cancel" onClick={onCancel} disabled={busy}>{m.cancel}</button>
      </div>
    </section>
  );
}
