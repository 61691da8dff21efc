import { CATEGORIES, OTHER_CATEGORY } from './categories';
import { UNIT_CODE_PATTERN } from './unit-codes';
import { dateField, enumField, enumValue, listField, textField, writeQuery } from './url-codec';

/**
 * The map's URL fields that other modes link to (a briefing's matters open the map at a
 * unit, an event, categories and days). The map's own view (src/ui/url-state.ts) reads
 * and writes these same fields, so a link and the page cannot disagree on a name or a form.
 */
export const MAP_LINK_FIELDS = {
  unit: textField('unit', { pattern: UNIT_CODE_PATTERN }),
  from: dateField('from'),
  to: dateField('to'),
  categories: listField('cat', enumValue([...CATEGORIES.map((c) => c.code), OTHER_CATEGORY.code])),
  /** An event id; longer than any real one is taken as malformed. */
  event: textField('event', { maxLength: 64 }),
};

/** A place on the map: a unit, optionally an event, categories and whole days from..to. */
export interface MapLink {
  unit: string;
  event?: string;
  categories?: string[];
  from?: string;
  to?: string;
}

/** A link's days are a custom range, the only one a link names (presets move with the data time). */
const LINK_FIELDS = {
  unit: MAP_LINK_FIELDS.unit,
  range: enumField('range', ['custom'] as const),
  from: MAP_LINK_FIELDS.from,
  to: MAP_LINK_FIELDS.to,
  categories: MAP_LINK_FIELDS.categories,
  event: MAP_LINK_FIELDS.event,
};

/** The query string of a map link, as the map's URL reads it; the unit is always named. */
export function mapLinkQuery(link: MapLink): string {
  const days = link.from && link.to ? { range: 'custom' as const, from: link.from, to: link.to } : {};
  return writeQuery({ unit: link.unit, ...days, categories: link.categories, event: link.event || undefined }, LINK_FIELDS);
}
