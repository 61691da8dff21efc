/** A failure shown in place of what could not be drawn; the message is text, never HTML. */
export function ErrorCard({ title, message, onRetry, retryLabel }: { title: string; message: string; onRetry?: () => void; retryLabel?: string }) {
  return (
    <div className="error-card" role="alert" data-testid="error-card">
      <strong>{title}</strong>
      <p>{message}</p>
      {onRetry ? <button type="button" onClick={onRetry}>{retryLabel ?? 'Retry'}</button> : null}
    </div>
  );
}
