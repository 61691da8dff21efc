import { isUnitLevel } from '../domain/units';

/**
 * What a boundary file's features carry as properties, summarised per property name: the
 * evidence the boundary mapping step ranks candidates by (boundary-mapping.ts) and the
 * examples the page shows next to each choice. Summaries are small, so they cross to the
 * page while the features stay in the loader worker.
 */

/** One property of a boundary file, over all its features. */
export interface PropertySummary {
  name: string;
  /** Features where the value is present and not empty. */
  filled: number;
  /** Distinct non-empty values. */
  distinct: number;
  /** Every feature has a value and no two share one: the property can key the features. */
  unique: boolean;
  /** Every non-empty value is a number or a text that reads as one. */
  numeric: boolean;
  /** Every non-empty value is a whole number (as number or digits): codes often are. */
  integerLike: boolean;
  /** Every non-empty value is a short ASCII token (no spaces): what codes look like, unlike names. */
  codeLike: boolean;
  /** Every non-empty value is a OneMap level word (grid, township …): a level property. */
  levelWords: boolean;
  /**
   * Properties that key every feature (unique) and hold at least half of this property's
   * distinct values: the evidence that this property names parents by that code.
   */
  valuesFoundIn: string[];
  /** The first few distinct values, as text, for the preview. */
  examples: string[];
}

const EXAMPLES = 5;

/**
 * A property value as text. Objects are read for a code inside them, because some
 * publishers nest the parent that way (DataV's `"parent": {"adcode": 331100}`); other
 * objects and arrays are shown as JSON so that the user sees what is there.
 */
export function propertyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    if (!Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const key of ['adcode', 'code', 'id']) {
        const inner = record[key];
        if (typeof inner === 'string' || typeof inner === 'number') return propertyText(inner);
      }
    }
    return JSON.stringify(value);
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** The properties object of a GeoJSON-like feature ({} when it has none). */
export function featureProperties(raw: unknown): Record<string, unknown> {
  const feature = (typeof raw === 'object' && raw !== null ? raw : {}) as { properties?: unknown };
  return typeof feature.properties === 'object' && feature.properties !== null ? (feature.properties as Record<string, unknown>) : {};
}

const CODE_TOKEN = /^[A-Za-z0-9_\-.:]{1,40}$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

interface Tally { filled: number; values: Set<string>; numeric: boolean; integerLike: boolean; codeLike: boolean; levelWords: boolean; examples: string[] }

/** Property summaries in the order the properties first appear in the file. */
export function summariseProperties(propertiesOfFeatures: readonly Record<string, unknown>[]): PropertySummary[] {
  const tallies = new Map<string, Tally>();
  for (const properties of propertiesOfFeatures) {
    for (const [name, value] of Object.entries(properties)) {
      let tally = tallies.get(name);
      if (!tally) { tally = { filled: 0, values: new Set(), numeric: true, integerLike: true, codeLike: true, levelWords: true, examples: [] }; tallies.set(name, tally); }
      const text = propertyText(value);
      if (text === null) continue;
      tally.filled++;
      const asNumber = typeof value === 'number' ? value : NUMBER_TEXT.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(asNumber)) { tally.numeric = false; tally.integerLike = false; } else if (!Number.isInteger(asNumber)) tally.integerLike = false;
      if (!CODE_TOKEN.test(text)) tally.codeLike = false;
      if (!isUnitLevel(text)) tally.levelWords = false;
      if (!tally.values.has(text) && tally.examples.length < EXAMPLES) tally.examples.push(text);
      tally.values.add(text);
    }
  }
  const total = propertiesOfFeatures.length;
  const isUnique = (tally: Tally) => total > 0 && tally.filled === total && tally.values.size === total;
  // Only keying properties can be pointed at by a parent, which keeps the cross-check small on big files.
  const keys = [...tallies].filter(([, tally]) => isUnique(tally));
  return [...tallies].map(([name, tally]) => {
    const filled = tally.filled > 0;
    const valuesFoundIn = keys.filter(([other, key]) => {
      if (other === name || tally.values.size === 0) return false;
      let found = 0;
      for (const value of tally.values) if (key.values.has(value)) found++;
      return found * 2 >= tally.values.size;
    }).map(([other]) => other);
    return {
      name, filled: tally.filled, distinct: tally.values.size, unique: isUnique(tally),
      numeric: filled && tally.numeric, integerLike: filled && tally.integerLike, codeLike: filled && tally.codeLike, levelWords: filled && tally.levelWords,
      valuesFoundIn, examples: tally.examples,
    };
  });
}
