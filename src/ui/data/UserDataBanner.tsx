import { useState } from 'react';
import { useMessages } from '../LanguageContext';
import { useDataset } from '../DatasetContext';
import { useDataControl } from './data-control';
import { format as fill, MESSAGES } from '../../i18n';
import './data.css';
import { formatCount } from '../../domain/format';

/** Shown above every mode while the user's data is in place: whose data this is, and the way back to the demo. */
export function UserDataBanner() {
  const { language } = useMessages();
  const m = MESSAGES[language].data;
  const { rows, asOf } = useDataset();
  const control = useDataControl();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = () => {
    setBusy(true);
    setError(null);
    control.backToDemo().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))).finally(() => setBusy(false));
  };
  return (
    <div className="user-data-banner" data-testid="user-data-banner" role="status">
      <strong>{m.bannerLabel}</strong>
      <span>{fill(m.loaded, { rows: formatCount(rows), asOf: asOf.slice(0, 16) })}</span>
      <button type="button" data-testid="back-to-demo" onClick={clear} disabled={busy}>{busy ? m.clearing : m.bannerClear}</button>
      {error ? <span role="alert" className="data-error">{error}</span> : null}
    </div>
  );
}
