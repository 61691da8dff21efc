import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { detectLanguage, format, localeOf, MESSAGES, parseLanguage, type Language } from '../i18n';
import { bootDataset, type BootStage } from './boot';
import { maybeInstallBenchHook } from './bench-hook';
import { Dashboard } from './Dashboard';
import { DatasetContext, type Dataset } from './DatasetContext';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorCard } from './ErrorCard';
import { FailureCard } from './FailureCard';
import { engineFailure } from './startup-failures';
import { EngineStartError } from '../engine/start-error';
import { LanguageContext } from './LanguageContext';
import { UNITS_DIRECTORY_SQL, UnitsDirectory } from './units-directory';
import { ViewStore } from './view-store';
import { NavigationContext, PENDING_SQL_KEY, type Navigation } from './navigation';
import { serializeViewState } from './url-state';
import { APP_MODES, modeHref, parseMode, type AppMode } from './mode';
import { activateUserData, restoreDemo, type ActiveData } from './data/activate';
import { DataControlContext, type DataControl } from './data/data-control';
import { clearUserData, loadUserData } from './data/stored-dataset';
import { UserDataBanner } from './data/UserDataBanner';
import { BriefingPage, DataLoader, WallMode, Workbench } from './lazy-modes';

const DEMO_BASE_URL = '/demo';

function initialLanguage(): Language {
  return parseLanguage(new URLSearchParams(window.location.search).get('lang')) ?? detectLanguage(navigator.languages);
}

interface Loaded { dataset: Dataset; units: UnitsDirectory; store: ViewStore }

/** The app shell: boots DuckDB and the dataset, then shows the one-map dashboard. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [stage, setStage] = useState<BootStage>('engine');
  const [error, setError] = useState<Error | null>(null);
  const [mode, setMode] = useState<AppMode>(() => parseMode(window.location.search));
  const t = MESSAGES[language];
  // Modes switch without a reload: DuckDB and the loaded data stay in memory.
  useEffect(() => {
    const onPopState = () => setMode(parseMode(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const goTo = (next: AppMode) => {
    window.history.pushState(null, '', next === 'map' && loaded ? loaded.store.href() : modeHref(next, window.location.search));
    setMode(next);
  };

  const boot = useCallback(() => {
    setError(null);
    bootDataset(DEMO_BASE_URL, setStage)
      .then(async (demo) => {
        // The user's own data, kept from an earlier session, replaces the demo; if it cannot be read the demo stays.
        const stored = await loadUserData().catch(() => null);
        const user = stored ? await activateUserData(demo, stored).catch(() => null) : null;
        const dataset = user?.dataset ?? demo;
        const units = user?.units ?? UnitsDirectory.fromTable(await dataset.db.query(UNITS_DIRECTORY_SQL));
        maybeInstallBenchHook(dataset);
        setLoaded({ dataset, units, store: new ViewStore(units.root.code) });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, []);
  useEffect(boot, [boot]);
  useEffect(() => { document.documentElement.lang = localeOf(language); }, [language]);

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
  // goTo only reads `loaded`, which is a dependency.
  const navigation = useMemo<Navigation | null>(() => loaded && {
    goTo,
    openOnMap: (change) => {
      loaded.store.update({ ...change, camera: undefined }, 'push');
      setMode('map');
    },
    openSql: (sql) => {
      sessionStorage.setItem(PENDING_SQL_KEY, sql);
      goTo('sql');
    },
    mapHref: (change) => `${window.location.pathname}${serializeViewState({ ...loaded.store.get(), ...change, camera: undefined }, loaded.units.root.code)}`,
  }, [loaded]);
  const dataset = loaded?.dataset ?? null;
  // The data loader swaps the dataset in place: new tables, a new units directory, a view store rooted at the new top unit.
  // The view in the URL (unit, camera, filters) belonged to the old data: the new store starts from the top unit.
  const showData = (next: ActiveData) => {
    window.history.replaceState(null, '', modeHref(parseMode(window.location.search), window.location.search));
    setLoaded({ ...next, store: new ViewStore(next.units.root.code) });
  };
  const dataControl = useMemo<DataControl | null>(() => loaded && {
    activate: async (data) => showData(await activateUserData(loaded.dataset, data)),
    backToDemo: async () => {
      await clearUserData();
      showData(await restoreDemo(loaded.dataset, DEMO_BASE_URL));
    },
  }, [loaded]);
  const title = useMemo(() => (loaded ? format(t.appTitleOf, { unit: loaded.units.root.name }) : t.appTitle), [loaded, t]);

  if (mode === 'wall' && loaded && navigation) {
    return (
      <LanguageContext.Provider value={language}>
        <DatasetContext.Provider value={loaded.dataset}>
          <NavigationContext.Provider value={navigation}>
            <ErrorBoundary region="wall"><Suspense fallback={<div className="app-main loading" data-testid="loading">{t.loading}</div>}><WallMode units={loaded.units} /></Suspense></ErrorBoundary>
          </NavigationContext.Provider>
        </DatasetContext.Provider>
      </LanguageContext.Provider>
    );
  }

  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="app-header">
          <div>
            <h1>{title}</h1>
            <div className="subtitle">{dataset?.origin === 'user' ? t.data.bannerLabel : t.appSubtitle}</div>
          </div>
          <nav className="mode-nav" aria-label={t.modeNavLabel}>
            {APP_MODES.map((m) => (
              <a key={m} href={modeHref(m, window.location.search)} data-testid={`mode-${m}`} aria-current={m === mode ? 'page' : undefined}
                onClick={(e) => { e.preventDefault(); goTo(m); }}>{t.modeNames[m]}</a>
            ))}
          </nav>
          <div className="header-right">
            {dataset ? <span className="data-time" data-testid="data-time">{t.dataTime} {dataset.asOf.slice(0, 16)}</span> : null}
            <button type="button" className="language-switch" data-testid="language-switch" onClick={switchLanguage}>{t.language}</button>
          </div>
        </header>
        {error ? (
          <main className="app-main">
            {/* An engine that cannot start is explained with what to try; other boot errors (e.g. missing data) say what failed. */}
            {error instanceof EngineStartError
              ? <FailureCard failure={engineFailure(error.reason, language)} kind={`engine-${error.reason}`} detail={error.detail} onRetry={boot} />
              : <ErrorCard title={t.errorTitle} message={error.message} onRetry={boot} retryLabel={t.retry} />}
          </main>
        ) : !loaded ? (
          <main className="app-main loading" data-testid="loading">{stage === 'engine' ? t.loadingEngine : t.loadingData}</main>
        ) : (
          <DatasetContext.Provider value={loaded.dataset}>
            <NavigationContext.Provider value={navigation}>
            <DataControlContext.Provider value={dataControl}>
            {loaded.dataset.origin === 'user' ? <UserDataBanner /> : null}
            <main className="app-main">
              {/* Keyed by mode: a mode that failed to render starts afresh when the user comes back to it. */}
              {/* Keyed by mode and data version too: a swapped dataset starts every panel and the map afresh (the loader itself keeps its state). */}
              <ErrorBoundary key={mode === 'data' ? mode : `${mode}-${loaded.dataset.version ?? 0}`} region={mode}>
                <Suspense fallback={<div className="loading" data-testid="mode-loading">{t.loading}</div>}>
                {mode === 'map' || mode === 'wall' ? <Dashboard store={loaded.store} units={loaded.units} />
                  : mode === 'briefing' ? <BriefingPage units={loaded.units} />
                  : mode === 'sql' ? <Workbench units={loaded.units} />
                  : <DataLoader />}
                </Suspense>
              </ErrorBoundary>
            </main>
            </DataControlContext.Provider>
            </NavigationContext.Provider>
          </DatasetContext.Provider>
        )}
        {dataset?.origin === 'user' ? null : <footer className="app-footer">{t.demoNotice}</footer>}
      </div>
    </LanguageContext.Provider>
  );
}
