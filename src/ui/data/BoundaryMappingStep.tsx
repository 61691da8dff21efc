import type { BoundaryCodeSource, BoundaryMapping, PropertySummary } from '../../ingest';
import type { Language } from '../../i18n';
import { format as fill, MESSAGES } from '../../i18n';
import type { BoundarySummary } from './loader-protocol';

interface BoundaryMappingStepProps {
  language: Language;
  set: BoundarySummary;
  disabled: boolean;
  /** The page asks the loader worker to re-key the file and shows the new counts. */
  onChange: (mapping: BoundaryMapping) => void;
}

type RoleField = 'name' | 'parent' | 'level';

/** The code select's values: a property by its name, or one of the two fallbacks (prefixed so that no property name can collide). */
const BY_NAME = 'by:name';
const BY_ORDER = 'by:feature-order';
const codeValue = (code: BoundaryCodeSource): string => (code.by === 'property' ? `property:${code.property}` : code.by === 'name' ? BY_NAME : BY_ORDER);
function codeSource(value: string): BoundaryCodeSource {
  if (value === BY_NAME) return { by: 'name' };
  if (value === BY_ORDER) return { by: 'feature-order' };
  return { by: 'property', property: value.slice('property:'.length) };
}

/** "a.geojson" → "a", as the codes made from feature order are named (src/ingest/boundary-keys.ts). */
const stemOf = (fileName: string): string => { const dot = fileName.lastIndexOf('.'); return dot > 0 ? fileName.slice(0, dot) : fileName; };

/**
 * One boundary file's mapping: which property is the code, the name, the parent code and
 * the level, each select with examples of the chosen property's values, the properties
 * found in the file, and the counts, which follow each change (the worker re-keys the file).
 */
export function BoundaryMappingStep({ language, set, disabled, onChange }: BoundaryMappingStepProps) {
  const m = MESSAGES[language].data.boundaryMapping;
  const { mapping, properties } = set;
  const byName = new Map(properties.map((p) => [p.name, p]));
  const examples = (property: string | null) => {
    const summary = property === null ? undefined : byName.get(property);
    return summary && summary.examples.length > 0 ? <span className="boundary-examples">{fill(m.examples, { values: summary.examples.join(', ') })}</span> : null;
  };
  const roleSelect = (field: RoleField) => (
    <label className="boundary-role">
      {m[field]}{' '}
      <select data-testid={`boundary-map-${field}`} value={mapping[field] ?? ''} disabled={disabled}
        onChange={(e) => onChange({ ...mapping, [field]: e.target.value === '' ? null : e.target.value })}>
        <option value="">{m.none}</option>
        {properties.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
      </select>{' '}
      {examples(mapping[field])}
    </label>
  );
  const codeProperty = mapping.code.by === 'property' ? mapping.code.property : null;
  return (
    <div className="boundary-mapping" data-testid="boundary-mapping">
      <p className="data-hint">{m.hint}</p>
      <div className="boundary-roles">
        <label className="boundary-role">
          {m.code}{' '}
          <select data-testid="boundary-map-code" value={codeValue(mapping.code)} disabled={disabled} onChange={(e) => onChange({ ...mapping, code: codeSource(e.target.value) })}>
            {properties.map((p) => <option key={p.name} value={`property:${p.name}`}>{p.name}</option>)}
            <option value={BY_NAME}>{m.byName}</option>
            <option value={BY_ORDER}>{m.byFeatureOrder}</option>
          </select>{' '}
          {/* Keyed by name, the name select beside shows the values already. */}
          {examples(codeProperty)}
        </label>
        {roleSelect('name')}
        {roleSelect('parent')}
        {roleSelect('level')}
      </div>
      {mapping.code.by !== 'property' ? (
        <p className="boundary-warning" role="status" data-testid="boundary-warning">
          {mapping.code.by === 'name' ? m.keyedByName : fill(m.keyedByOrder, { stem: stemOf(set.fileName) })}
        </p>
      ) : null}
      {properties.length > 0 ? <PropertyList language={language} properties={properties} /> : null}
    </div>
  );
}

/** The properties found in the file, with how full and how varied each is and a few values. */
function PropertyList({ language, properties }: { language: Language; properties: readonly PropertySummary[] }) {
  const m = MESSAGES[language].data.boundaryMapping;
  return (
    <details className="boundary-properties" data-testid="boundary-properties" open>
      <summary>{fill(m.propertiesFound, { count: properties.length })}</summary>
      <table className="preview-table">
        <tbody>
          {properties.map((p) => (
            <tr key={p.name} data-property={p.name}>
              <th>{p.name}</th>
              <td>{fill(m.propertyStats, { filled: p.filled, distinct: p.distinct })}{p.unique ? ` · ${m.unique}` : ''}</td>
              <td>{p.examples.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
