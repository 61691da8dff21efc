import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../src/domain/coordinates';
import { initialCamera } from '../../src/ui/map/initial-camera';
import { UnitsDirectory, type UnitEntry } from '../../src/ui/units-directory';

const unit = (code: string, parent: string | null, lon: number, lat: number): UnitEntry => ({
  code, name: code, level: parent === null ? 'city' : 'county', parent_code: parent, population: 1000, label_lon: lon, label_lat: lat,
});

// A city far from Lishui: the camera must come from these rows, not from constants.
const units = new UnitsDirectory([
  unit('990000', null, 10.5, 50.5),
  unit('990100', '990000', 10, 50),
  unit('990200', '990000', 11, 51.5),
  unit('990300', '990000', 10.2, 51),
]);

describe('where the map opens', () => {
  it('fits the label points of the unit\'s children', () => {
    expect(initialCamera(undefined, units.root, units, 'wgs84')).toEqual({ bounds: [10, 50, 11, 51.5] });
  });

  it('centres on a unit without children at its own label point', () => {
    expect(initialCamera(undefined, units.get('990200')!, units, 'wgs84')).toEqual({ center: [11, 51.5], zoom: 11 });
  });

  it('keeps the camera of a shared link', () => {
    expect(initialCamera([12, 52, 9], units.root, units, 'wgs84')).toEqual({ center: [12, 52], zoom: 9 });
  });

  it('shifts the points over a GCJ-02 basemap', () => {
    const city = new UnitsDirectory([unit('331100', null, 119.9, 28.4), unit('331102', '331100', 119.9, 28.45), unit('331121', '331100', 120.1, 28.1)]);
    const [a, b] = [wgs84ToGcj02(119.9, 28.45), wgs84ToGcj02(120.1, 28.1)];
    const camera = initialCamera(undefined, city.root, city, 'gcj02');
    expect(camera).toEqual({ bounds: [a[0], b[1], b[0], a[1]] });
    expect(camera).not.toEqual(initialCamera(undefined, city.root, city, 'wgs84'));
  });

  it('falls back to the whole world only when no unit has a label point', () => {
    const empty = new UnitsDirectory([{ ...unit('990000', null, Number.NaN, Number.NaN) }]);
    expect(initialCamera(undefined, empty.root, empty, 'wgs84')).toEqual({ center: [0, 0], zoom: 1 });
  });
});
