import { Component, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import { MESSAGES } from '../i18n';
import { ErrorCard } from './ErrorCard';
import { LanguageContext } from './LanguageContext';

interface Props {
  /** Which region this guards, named in the card and the console, e.g. "map" or "ranking". */
  region: string;
  children: ReactNode;
}

/**
 * Keeps a render exception inside one region of the page: the region shows an error card
 * with a retry, the other regions keep working. (Query failures are shown by the panels
 * themselves through useQuery; this catches what throws while drawing.)
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  static override contextType = LanguageContext;
  declare context: ContextType<typeof LanguageContext>;
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // One line a maintainer can find; the card shows the user the message.
    console.warn(`OneMap: the ${this.props.region} region failed to render`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = MESSAGES[this.context];
    return (
      <div className="region-error" data-region={this.props.region}>
        <ErrorCard title={t.errorTitle} message={error.message} onRetry={this.retry} retryLabel={t.retry} />
      </div>
    );
  }
}
