import type { Datum } from '../../map/basemap-config';
import { toDisplayDatum } from '../../map/datum';
import type { UnitEntry, UnitsDirectory } from '../units-directory';

/** Where the map opens: a camera (from a shared link), or a box to fit. */
export type InitialCamera =
  | { center: [number, number]; zoom: number }
  | { bounds: [number, number, number, number] };

/** Only when there is no unit with a label point at all: the whole world, not any one city. */
const NO_DATA_VIEW: InitialCamera = { center: [0, 0], zoom: 1 };
/** A unit with a single label point (no children, or all at one spot) opens at this zoom around it. */
const SINGLE_POINT_ZOOM = 11;

/**
 * The camera the map is created with, from the data rather than a city's constants: a
 * camera from the link wins; otherwise the box around the label points of the unit's
 * children (or the unit's own point), which the fit to the unit's outline then refines once
 * its boundary file is read.
 */
export function initialCamera(linkCamera: readonly [number, number, number] | undefined, unit: UnitEntry, units: UnitsDirectory, datum: Datum): InitialCamera {
  if (linkCamera) return { center: [linkCamera[0], linkCamera[1]], zoom: linkCamera[2] };
  const children = units.childrenOf(unit.code);
  const points = (children.length > 0 ? children : [unit])
    .filter((u) => Number.isFinite(u.label_lon) && Number.isFinite(u.label_lat))
    .map((u) => toDisplayDatum(u.label_lon, u.label_lat, datum));
  if (points.length === 0) return NO_DATA_VIEW;
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const box: [number, number, number, number] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  if (box[0] === box[2] || box[1] === box[3]) return { center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], zoom: SINGLE_POINT_ZOOM };
  return { bounds: box };
}
