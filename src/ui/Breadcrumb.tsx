import type { UnitLevel } from '../domain/units';
import { useMessages } from './LanguageContext';
import type { UnitsDirectory } from './units-directory';
import type { ViewStore } from './view-store';

const LEVEL_NAMES: Record<UnitLevel, { zh: string; en: string }> = {
  city: { zh: '市', en: 'City' }, county: { zh: '区县', en: 'County' }, township: { zh: '乡镇街道', en: 'Township' },
  community: { zh: '村社区', en: 'Community' }, grid: { zh: '网格', en: 'Grid' },
};

export function levelName(level: UnitLevel, language: 'zh' | 'en'): string {
  return LEVEL_NAMES[level][language];
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
