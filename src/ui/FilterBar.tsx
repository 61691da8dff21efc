import { CATEGORIES, OTHER_CATEGORY } from '../domain/categories';
import { CHANNELS, SEVERITIES, STATUSES } from '../domain/events';
import { vocabLabel } from '../i18n';
import { TIME_PRESETS, type TimePreset } from '../sql/period';
import { useDataset } from './DatasetContext';
import { useMessages } from './LanguageContext';
import { MAP_LAYERS, type ViewState } from './url-state';
import type { ViewStore } from './view-store';

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A row of toggle chips; none selected means "all". */
function Chips<T extends string | number>({ name, options, selected, label, onChange }: { name: string; options: readonly T[]; selected: readonly T[]; label: (value: T) => string; onChange: (next: T[]) => void }) {
  return (
    <div className="chips" role="group" aria-label={name}>
      <span className="chips-name">{name}</span>
      {options.map((option) => (
        <button key={option} type="button" className="chip" aria-pressed={selected.includes(option)} data-testid={`chip-${String(option)}`} onClick={() => onChange(toggle(selected, option))}>{label(option)}</button>
      ))}
    </div>
  );
}

/** Time range, attribute filters and the map layer; every change lands in the URL. */
export function FilterBar({ view, store, asOf }: { view: ViewState; store: ViewStore; asOf: string }) {
  const { language, t } = useMessages();
  const { origin } = useDataset();
  // Only loaded data can hold events outside the taxonomy ("other"); the demo never does.
  // A selected "other" stays visible (a kept URL on the demo) so that the filter can be seen and undone.
  const showOther = origin === 'user' || view.categories.includes(OTHER_CATEGORY.code);
  const categoryCodes = [...CATEGORIES.map((c) => c.code), ...(showOther ? [OTHER_CATEGORY.code] : [])];
  const today = asOf.slice(0, 10);
  const setRange = (range: TimePreset) => store.update(range === 'custom' ? { range, from: view.from ?? today, to: view.to ?? today } : { range, from: undefined, to: undefined });
  return (
    <section className="filter-bar" aria-label={t.filters} data-testid="filter-bar">
      <div className="chips" role="group" aria-label={t.timeRange}>
        <span className="chips-name">{t.timeRange}</span>
        {TIME_PRESETS.map((preset) => (
          <button key={preset} type="button" className="chip" aria-pressed={view.range === preset} data-testid={`range-${preset}`} onClick={() => setRange(preset)}>{t[`range_${preset}`]}</button>
        ))}
        {view.range === 'custom' ? (
          <span className="custom-range">
            <input type="date" aria-label={t.from} value={view.from ?? today} max={today} onChange={(e) => e.target.value && store.update({ from: e.target.value })} />
            –
            <input type="date" aria-label={t.to} value={view.to ?? today} max={today} onChange={(e) => e.target.value && store.update({ to: e.target.value })} />
          </span>
        ) : null}
      </div>
      <Chips name={t.category} options={categoryCodes} selected={view.categories} label={(code) => vocabLabel(language, 'category', code)} onChange={(categories) => store.update({ categories })} />
      <Chips name={t.channel} options={CHANNELS} selected={view.channels} label={(c) => vocabLabel(language, 'channel', c)} onChange={(channels) => store.update({ channels })} />
      <Chips name={t.status} options={STATUSES} selected={view.statuses} label={(s) => vocabLabel(language, 'status', s)} onChange={(statuses) => store.update({ statuses })} />
      <Chips name={t.severity} options={SEVERITIES} selected={view.severities} label={(s) => vocabLabel(language, 'severity', s)} onChange={(severities) => store.update({ severities })} />
      <div className="chips" role="radiogroup" aria-label={t.layer}>
        <span className="chips-name">{t.layer}</span>
        {MAP_LAYERS.map((layer) => (
          <button key={layer} type="button" role="radio" className="chip" aria-checked={view.layer === layer} data-testid={`layer-${layer}`} onClick={() => store.update({ layer, measure: undefined })}>{t[`layer_${layer}`]}</button>
        ))}
      </div>
    </section>
  );
}
