import { useCallback, useEffect, useMemo, useState } from 'react';
import { detectLanguage, MESSAGES, type Language } from '../i18n';
import { bootDataset, type BootStage } from './boot';
import { maybeInstallBenchHook } from './bench-hook';
import { Dashboard } from './Dashboard';
import { DatasetContext, type Dataset } from './DatasetContext';
import { ErrorCard } from './ErrorCard';
import { LanguageContext } from './LanguageContext';
import { UNITS_DIRECTORY_SQL, UnitsDirectory } from './units-directory';
import { ViewStore } from './view-store';

const DEMO_BASE_URL = '/demo';

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  return detectLanguage(navigator.languages);
}

interface Loaded { dataset: Dataset; units: UnitsDirectory; store: ViewStore }

/** The app shell: boots DuckDB and the dataset, then shows the one-map dashboard. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [stage, setStage] = useState<BootStage>('engine');
  const [error, setError] = useState<Error | null>(null);
  const t = MESSAGES[language];

  const boot = useCallback(() => {
    setError(null);
    bootDataset(DEMO_BASE_URL, setStage)
      .then(async (dataset) => {
        const units = UnitsDirectory.fromTable(await dataset.db.query(UNITS_DIRECTORY_SQL));
        maybeInstallBenchHook(dataset);
        setLoaded({ dataset, units, store: new ViewStore(units.root.code) });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, []);
  useEffect(boot, [boot]);
  useEffect(() => { document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'; }, [language]);

  const switchLanguage = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    setLanguage(next);
    if (loaded) loaded.store.update({ lang: next });
    else {
      const url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(null, '', url);
    }
  };
  const dataset = loaded?.dataset ?? null;
  const title = useMemo(() => (loaded ? `${loaded.units.root.name}${t.appTitleSuffix}` : t.appTitle), [loaded, t]);

  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="app-header">
          <div>
            <h1>{title}</h1>
            <div className="subtitle">{t.appSubtitle}</div>
          </div>
          <div className="header-right">
            {dataset ? <span className="data-time" data-testid="data-time">{t.dataTime} {dataset.asOf.slice(0, 16)}</span> : null}
            <button type="button" className="language-switch" data-testid="language-switch" onClick={switchLanguage}>{t.language}</button>
          </div>
        </header>
        {error ? (
          <main className="app-main"><ErrorCard title={t.errorTitle} message={error.message} onRetry={boot} retryLabel={t.retry} /></main>
        ) : !loaded ? (
          <main className="app-main loading" data-testid="loading">{stage === 'engine' ? t.loadingEngine : t.loadingData}</main>
        ) : (
          <DatasetContext.Provider value={loaded.dataset}>
            <main className="app-main">
              <Dashboard store={loaded.store} units={loaded.units} />
            </main>
          </DatasetContext.Provider>
        )}
        <footer className="app-footer">{t.demoNotice}</footer>
      </div>
    </LanguageContext.Provider>
  );
}
