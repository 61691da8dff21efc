import { useCallback, useEffect, useState } from 'react';
import { detectLanguage, MESSAGES, type Language } from '../i18n';
import { bootDataset, type BootStage } from './boot';
import { maybeInstallBenchHook } from './bench-hook';
import { DatasetContext, type Dataset } from './DatasetContext';
import { ErrorCard } from './ErrorCard';
import { KpiStrip } from './KpiStrip';
import { LanguageContext } from './LanguageContext';
import { MapView } from './MapView';

const DEMO_BASE_URL = '/demo';

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  return detectLanguage(navigator.languages);
}

/** The first screen: header, KPI strip and the one map over the loaded dataset. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [stage, setStage] = useState<BootStage>('engine');
  const [error, setError] = useState<Error | null>(null);
  const t = MESSAGES[language];

  const boot = useCallback(() => {
    setError(null);
    bootDataset(DEMO_BASE_URL, setStage).then((loaded) => { maybeInstallBenchHook(loaded); setDataset(loaded); }, (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, []);
  useEffect(boot, [boot]);
  useEffect(() => { document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'; }, [language]);

  const switchLanguage = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    setLanguage(next);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
  };

  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="app-header">
          <div>
            <h1>{t.appTitle}</h1>
            <div className="subtitle">{t.appSubtitle}</div>
          </div>
          <div className="header-right">
            {dataset ? <span className="data-time" data-testid="data-time">{t.dataTime} {dataset.asOf.slice(0, 16)}</span> : null}
            <button type="button" className="language-switch" data-testid="language-switch" onClick={switchLanguage}>{t.language}</button>
          </div>
        </header>
        {error ? (
          <main className="app-main"><ErrorCard title={t.errorTitle} message={error.message} onRetry={boot} retryLabel={t.retry} /></main>
        ) : !dataset ? (
          <main className="app-main loading" data-testid="loading">{stage === 'engine' ? t.loadingEngine : t.loadingData}</main>
        ) : (
          <DatasetContext.Provider value={dataset}>
            <main className="app-main">
              <KpiStrip />
              <MapView />
            </main>
          </DatasetContext.Provider>
        )}
        <footer className="app-footer">{t.demoNotice}</footer>
      </div>
    </LanguageContext.Provider>
  );
}
