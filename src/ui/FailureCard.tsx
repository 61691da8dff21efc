import { useMessages } from './LanguageContext';
import type { FailureExplanation } from './startup-failures';

/**
 * A part of the page that could not start, explained: what happened, what to try, and the
 * browser's own message folded away for whoever fixes it. Text only, never HTML.
 */
export function FailureCard({ failure, kind, detail, onRetry }: { failure: FailureExplanation; kind: string; detail?: string; onRetry?: () => void }) {
  const { t } = useMessages();
  return (
    <div className="error-card failure-card" role="alert" data-testid="error-card" data-failure={kind}>
      <strong>{failure.title}</strong>
      <p>{failure.explanation}</p>
      <p>{t.whatToTry}</p>
      <ul>{failure.tryThis.map((step) => <li key={step}>{step}</li>)}</ul>
      {detail ? <details><summary>{t.technicalDetail}</summary><p>{detail}</p></details> : null}
      {onRetry ? <button type="button" data-testid="retry" onClick={onRetry}>{t.retry}</button> : null}
    </div>
  );
}
