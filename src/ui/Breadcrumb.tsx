import type { UnitLevel } from '../domain/units';
import { vocabLabel, type Language } from '../i18n';
import { useMessages } from './LanguageContext';
import type { UnitsDirectory } from './units-directory';
import type { ViewStore } from './view-store';

export function levelName(level: UnitLevel, language: Language): string {
  return vocabLabel(language, 'unitLevel', level);
}

/** 市 › 区县 › 乡镇街道 › 村社区 › 网格: each ancestor is a button that goes back up to it. */
export function Breadcrumb({ unitCode, units, store }: { unitCode: string; units: UnitsDirectory; store: ViewStore }) {
  const { language, t } = useMessages();
  const path = units.pathTo(unitCode);
  return (
    <nav className="breadcrumb" aria-label={t.breadcrumb} data-testid="breadcrumb">
      {path.map((unit, i) => {
        const last = i === path.length - 1;
        return (
          <span key={unit.code} className="crumb">
            {i > 0 ? <span className="crumb-sep" aria-hidden="true">›</span> : null}
            {last ? (
              <span aria-current="page" title={levelName(unit.level, language)}>{unit.name}</span>
            ) : (
              <button type="button" data-testid={`crumb-${unit.code}`} title={levelName(unit.level, language)} onClick={() => store.update({ unit: unit.code, camera: undefined }, 'push')}>{unit.name}</button>
            )}
          </span>
        );
      })}
    </nav>
  );
}
